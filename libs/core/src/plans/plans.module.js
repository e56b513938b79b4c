"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlansModule = void 0;
const common_1 = require("@nestjs/common");
const workflows_module_1 = require("../workflows/workflows.module");
const plan_launcher_service_1 = require("./plan-launcher.service");
const plans_service_1 = require("./plans.service");
const progress_service_1 = require("./progress.service");
let PlansModule = class PlansModule {
};
exports.PlansModule = PlansModule;
exports.PlansModule = PlansModule = __decorate([
    (0, common_1.Module)({
        imports: [workflows_module_1.WorkflowsModule],
        providers: [plans_service_1.PlansService, plan_launcher_service_1.PlanLauncher, progress_service_1.ProgressService],
        exports: [plans_service_1.PlansService, plan_launcher_service_1.PlanLauncher, progress_service_1.ProgressService],
    })
], PlansModule);
//# sourceMappingURL=plans.module.js.map