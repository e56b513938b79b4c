"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inTransaction = inTransaction;
/**
 * Runs work in one transaction, retrying on serialization failures and deadlocks, which two
 * workers racing on neighbouring rows can meet; the work must therefore be safe to repeat.
 */
async function inTransaction(dataSource, work, attempts = 5) {
    for (let attempt = 1;; attempt++) {
        try {
            return await dataSource.transaction(work);
        }
        catch (error) {
            const code = error.code ?? error.driverError?.code;
            if (attempt >= attempts || (code !== '40001' && code !== '40P01'))
                throw error;
            await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
        }
    }
}
//# sourceMappingURL=transaction.js.map