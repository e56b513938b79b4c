"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SYSTEM_ACTOR = void 0;
exports.SYSTEM_ACTOR = { id: null, username: 'system' };
//# sourceMappingURL=actor.js.map