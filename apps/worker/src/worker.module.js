"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("../../../libs/core/src/index.js");
const reconciler_service_1 = require("./reconciler.service");
const transitions_processor_1 = require("./transitions.processor");
/** Queue processors and the reconciler; runs alone (`apps/worker`) or inside the API process. */
let WorkerModule = class WorkerModule {
};
exports.WorkerModule = WorkerModule;
exports.WorkerModule = WorkerModule = __decorate([
    (0, common_1.Module)({
        imports: [core_1.InfrastructureModule, core_1.PlansModule, core_1.TasksModule],
        providers: [transitions_processor_1.TransitionsProcessor, reconciler_service_1.Reconciler],
    })
], WorkerModule);
//# sourceMappingURL=worker.module.js.map