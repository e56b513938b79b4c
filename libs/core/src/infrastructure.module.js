"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.InfrastructureModule = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("../../../config/src/index.js");
const clock_1 = require("./common/clock");
const database_module_1 = require("./database/database.module");
const queue_module_1 = require("./queue/queue.module");
/** Settings, PostgreSQL, the queues and the clock: what every capability module relies on. */
let InfrastructureModule = class InfrastructureModule {
};
exports.InfrastructureModule = InfrastructureModule;
exports.InfrastructureModule = InfrastructureModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        imports: [config_1.ConfigModule, database_module_1.DatabaseModule, queue_module_1.QueueModule],
        providers: [clock_1.Clock],
        exports: [clock_1.Clock],
    })
], InfrastructureModule);
//# sourceMappingURL=infrastructure.module.js.map