"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.appendAuditEvents = appendAuditEvents;
const COLUMNS = ['actor_id', 'actor', 'action', 'plan_id', 'report_id', 'task_id', 'from_stage', 'to_stage', 'comment', 'data'];
/** Appends events in the caller's transaction, many rows per statement. */
async function appendAuditEvents(em, events) {
    for (let start = 0; start < events.length; start += 1000) {
        const chunk = events.slice(start, start + 1000);
        const params = [];
        const rows = chunk.map((e) => {
            const values = [e.actorId, e.actor, e.action, e.planId ?? null, e.reportId ?? null, e.taskId ?? null, e.fromStage ?? null, e.toStage ?? null, e.comment ?? null, e.data ? JSON.stringify(e.data) : null];
            const placeholders = values.map((v) => `$${params.push(v)}`);
            return `(${placeholders.join(',')})`;
        });
        await em.query(`INSERT INTO audit_events (${COLUMNS.join(',')}) VALUES ${rows.join(',')}`, params);
    }
}
//# sourceMappingURL=audit.repository.js.map