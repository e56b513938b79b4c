import { readdirSync, readFileSync } from 'node:fs';

const TICK_S = 0.01; // USER_HZ is 100 on Linux

const readKb = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);

/** Samples a process's resident memory from /proc every `intervalMs`; VmHWM is the kernel's own peak. */
export class MemorySampler {
  peakRssKb = 0;
  /** When the resident size was highest (epoch ms). */
  peakRssAt = 0;
  lastHwmKb = 0;
  samples = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 200,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.sample();
  }

  sample(): void {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const rss = readKb(status, 'VmRSS') || 0;
      if (rss > this.peakRssKb) [this.peakRssKb, this.peakRssAt] = [rss, Date.now()];
      this.lastHwmKb = Math.max(this.lastHwmKb, readKb(status, 'VmHWM') || 0);
      this.samples++;
    } catch {
      // the process has ended: keep what was seen
    }
  }

  /** Stops sampling; answers the peaks in MB. */
  stop(): { peakRssMb: number; peakRssAt: number; peakHwmMb: number; samples: number } {
    this.sample();
    clearInterval(this.timer);
    return { peakRssMb: this.peakRssKb / 1024, peakRssAt: this.peakRssAt, peakHwmMb: this.lastHwmKb / 1024, samples: this.samples };
  }
}

/** CPU seconds used so far: by named pids, by all processes of some commands, and the machine's busy time. */
export interface CpuSnapshot {
  at: number;
  seconds: Record<string, number>;
}

/** A process's own CPU time, and that of its children it has reaped (a postmaster's ended backends). */
function cpuOf(pid: number | string): { comm: string; seconds: number; reaped: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const f = stat
      .slice(close + 2)
      .split(' ')
      .map(Number);
    return { comm: stat.slice(stat.indexOf('(') + 1, close), seconds: (f[11] + f[12]) * TICK_S, reaped: (f[13] + f[14]) * TICK_S };
  } catch {
    return undefined;
  }
}

/** `pids` are processes to count by name (e.g. worker); `commands` group every process of that command (postgres). */
export function cpuSnapshot(pids: Record<string, number>, commands: string[] = ['postgres', 'redis-server']): CpuSnapshot {
  const seconds: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) seconds[name] = cpuOf(pid)?.seconds ?? NaN;
  for (const command of commands) seconds[command] = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = cpuOf(entry);
    if (cpu && commands.includes(cpu.comm)) seconds[cpu.comm] += cpu.seconds + cpu.reaped;
  }
  const total = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait
  seconds.machine = (total[0] + total[1] + total[2] + total[5] + total[6] + (total[7] ?? 0)) * TICK_S;
  return { at: Date.now(), seconds };
}

/** Cores used by each entry between two snapshots (1.0 = one full core). */
export function coresUsed(from: CpuSnapshot, to: CpuSnapshot): Record<string, number> {
  const wall = (to.at - from.at) / 1000;
  // Under half a second the tick resolution (10 ms) makes shares meaningless.
  return Object.fromEntries(Object.keys(to.seconds).map((k) => [k, wall >= 0.5 ? (to.seconds[k] - from.seconds[k]) / wall : NaN]));
}

/** A process's peak resident size so far (VmHWM), in MB; NaN once it has ended. */
export function hwmMb(pid: number): number {
  try {
    return readKb(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmHWM') / 1024;
  } catch {
    return NaN;
  }
}
