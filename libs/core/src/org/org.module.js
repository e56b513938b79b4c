"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrgModule = void 0;
const common_1 = require("@nestjs/common");
const access_service_1 = require("./access.service");
const org_service_1 = require("./org.service");
let OrgModule = class OrgModule {
};
exports.OrgModule = OrgModule;
exports.OrgModule = OrgModule = __decorate([
    (0, common_1.Module)({ providers: [org_service_1.OrgService, access_service_1.AccessService], exports: [org_service_1.OrgService, access_service_1.AccessService] })
], OrgModule);
//# sourceMappingURL=org.module.js.map