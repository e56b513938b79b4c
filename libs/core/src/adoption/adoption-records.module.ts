import { Module } from '@nestjs/common';
import { AdoptionRecorder } from './adoption-recorder.service';

/**
 * The recording of an adoption (number, date, signer) on its own: the plan-level stages record the
 * Khối's adoption, and they are needed where people's roles change (org), below AdoptionModule's
 * own dependence on org.
 */
@Module({ providers: [AdoptionRecorder], exports: [AdoptionRecorder] })
export class AdoptionRecordsModule {}
