"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./common/actor"), exports);
__exportStar(require("./common/clock"), exports);
__exportStar(require("./infrastructure.module"), exports);
__exportStar(require("./queue/job-queue"), exports);
__exportStar(require("./queue/queue.module"), exports);
__exportStar(require("./auth/auth.module"), exports);
__exportStar(require("./auth/auth.service"), exports);
__exportStar(require("./org/org.module"), exports);
__exportStar(require("./org/org.service"), exports);
__exportStar(require("./org/org-import"), exports);
__exportStar(require("./org/access.service"), exports);
__exportStar(require("./workflows/workflows.module"), exports);
__exportStar(require("./workflows/workflows.service"), exports);
__exportStar(require("./plans/plans.module"), exports);
__exportStar(require("./plans/plans.service"), exports);
__exportStar(require("./plans/plan-launcher.service"), exports);
__exportStar(require("./plans/progress.service"), exports);
__exportStar(require("./plans/new-plan"), exports);
__exportStar(require("./reports/reports.module"), exports);
__exportStar(require("./reports/reports.service"), exports);
__exportStar(require("./reports/submission.service"), exports);
__exportStar(require("./tasks/tasks.module"), exports);
__exportStar(require("./tasks/tasks.service"), exports);
__exportStar(require("./tasks/decision-applier.service"), exports);
__exportStar(require("./consolidation/consolidation.module"), exports);
__exportStar(require("./consolidation/consolidation.service"), exports);
//# sourceMappingURL=index.js.map