"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.QueueModule = void 0;
exports.redisConnection = redisConnection;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const config_1 = require("../../../../config/src/index.js");
const jobs_1 = require("../../../jobs/src/index.js");
const job_queue_1 = require("./job-queue");
function redisConnection(config) {
    // maxRetriesPerRequest null: BullMQ workers block on Redis and must not give up while it restarts.
    return { host: config.REDIS_HOST, port: config.REDIS_PORT, maxRetriesPerRequest: null };
}
let QueueModule = class QueueModule {
};
exports.QueueModule = QueueModule;
exports.QueueModule = QueueModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        imports: [
            bullmq_1.BullModule.forRootAsync({
                inject: [config_1.AppConfig],
                useFactory: (config) => ({ connection: redisConnection(config), prefix: config.QUEUE_PREFIX }),
            }),
            ...Object.values(jobs_1.QueueName).map((name) => bullmq_1.BullModule.registerQueue({ name })),
        ],
        providers: [job_queue_1.JobQueue],
        exports: [job_queue_1.JobQueue, bullmq_1.BullModule],
    })
], QueueModule);
//# sourceMappingURL=queue.module.js.map