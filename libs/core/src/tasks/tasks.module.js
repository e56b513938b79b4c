"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TasksModule = void 0;
const common_1 = require("@nestjs/common");
const consolidation_module_1 = require("../consolidation/consolidation.module");
const org_module_1 = require("../org/org.module");
const workflows_module_1 = require("../workflows/workflows.module");
const decision_applier_service_1 = require("./decision-applier.service");
const tasks_service_1 = require("./tasks.service");
let TasksModule = class TasksModule {
};
exports.TasksModule = TasksModule;
exports.TasksModule = TasksModule = __decorate([
    (0, common_1.Module)({
        imports: [workflows_module_1.WorkflowsModule, consolidation_module_1.ConsolidationModule, org_module_1.OrgModule],
        providers: [tasks_service_1.TasksService, decision_applier_service_1.DecisionApplier],
        exports: [tasks_service_1.TasksService, decision_applier_service_1.DecisionApplier],
    })
], TasksModule);
//# sourceMappingURL=tasks.module.js.map