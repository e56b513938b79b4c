"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConsolidationModule = void 0;
const common_1 = require("@nestjs/common");
const org_module_1 = require("../org/org.module");
const plans_module_1 = require("../plans/plans.module");
const workflows_module_1 = require("../workflows/workflows.module");
const consolidation_completion_service_1 = require("./consolidation-completion.service");
const consolidation_service_1 = require("./consolidation.service");
let ConsolidationModule = class ConsolidationModule {
};
exports.ConsolidationModule = ConsolidationModule;
exports.ConsolidationModule = ConsolidationModule = __decorate([
    (0, common_1.Module)({
        imports: [workflows_module_1.WorkflowsModule, plans_module_1.PlansModule, org_module_1.OrgModule],
        providers: [consolidation_service_1.ConsolidationService, consolidation_completion_service_1.ConsolidationCompletion],
        exports: [consolidation_service_1.ConsolidationService, consolidation_completion_service_1.ConsolidationCompletion],
    })
], ConsolidationModule);
//# sourceMappingURL=consolidation.module.js.map