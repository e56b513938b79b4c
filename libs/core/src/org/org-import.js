"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=org-import.js.map