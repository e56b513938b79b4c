"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=new-plan.js.map