import type { AssetConfig, FieldValue } from '../../config/schema';
import { pick, uniform, type Random } from '../../lib/random';
import { AssetReporter } from '../core/assetReporter';
import type { Point2 } from '../core/geometry';
import { PathMotion, type PathSample } from '../core/pathMotion';
import type { RoadGraph } from '../core/roadGraph';
import type { SimKernel } from '../core/simKernel';

const STYLE = { maxSpeed: 0.8, turnSpeed: 0.4, accel: 0.4 };
/** The camera head sweeps ±60° every 8 s while the robot walks. */
const PAN_AMPLITUDE = 60;
const PAN_PERIOD_MS = 8000;
const INSPECT_MS = 10_000;
/** Chance that a stop finds something. */
const DETECTION_RATE = 0.2;
const DEFECTS = [
  'skipped stitch',
  'broken stitch',
  'open seam',
  'puckering',
  'stain',
  'uneven hem',
];

/**
 * An inspection robot walking its patrol along the aisles, panning its camera head; at each stop
 * it looks at the nearest machine's work and now and then reports a defect (`detection`).
 */
export class InspectionRobot {
  readonly reporter: AssetReporter;
  private position: Point2;
  private headingDeg: number;
  private leg = 0;
  private motion: PathMotion | undefined;
  private readonly sample: PathSample = { x: 0, z: 0, headingDeg: 0, speed: 0 };
  private readonly stops: Point2[];

  constructor(
    private readonly kernel: SimKernel,
    asset: AssetConfig,
    fields: Record<string, FieldValue>,
    gateway: string,
    private readonly aisles: RoadGraph,
    waypoints: readonly Point2[],
    private readonly random: Random,
    /** Id of the machine nearest a point, for detections. */
    private readonly nearestMachine: (p: Point2) => string,
  ) {
    const p = asset.pose?.position ?? [0, 0, 0];
    this.position = [p[0], p[2]];
    this.headingDeg = asset.pose?.headingDeg ?? 90;
    this.stops = waypoints.map((w) => aisles.snap(w).point);
    this.reporter = new AssetReporter(
      kernel,
      { id: asset.id, type: asset.type, gateway, heartbeat: true },
      { ...fields, status: 'patrolling', pan: 0 },
      { position: [p[0], 0, p[2]], headingDeg: this.headingDeg, speed: 0 },
    );
  }

  start(): void {
    if (this.stops.length > 0) this.walk();
  }

  private walk(): void {
    const to = this.stops[this.leg % this.stops.length] as Point2;
    this.leg++;
    this.motion = new PathMotion(
      this.aisles.route(this.position, to),
      this.kernel.now,
      STYLE,
      this.headingDeg,
    );
    this.reporter.fields.status = 'patrolling';
    this.kernel.at(
      Math.min(this.kernel.now + this.kernel.movingSampleMs, this.motion.endT),
      this.tick,
    );
  }

  private readonly tick = (): void => {
    const motion = this.motion;
    if (!motion) return;
    const now = this.kernel.now;
    const s = motion.sampleAt(now, this.sample);
    this.position = [s.x, s.z];
    this.headingDeg = s.headingDeg;
    const r = this.reporter;
    r.fields.pan =
      Math.round(PAN_AMPLITUDE * Math.sin((2 * Math.PI * now) / PAN_PERIOD_MS) * 10) / 10;
    r.moveTo(s.x, 0, s.z, s.headingDeg, s.speed);
    r.sample();
    if (now >= motion.endT) {
      this.motion = undefined;
      this.inspect();
      return;
    }
    this.kernel.at(Math.min(now + this.kernel.movingSampleMs, motion.endT), this.tick);
  };

  private inspect(): void {
    const r = this.reporter;
    r.fields.status = 'inspecting';
    r.fields.pan = Math.round(uniform(this.random, -90, 90));
    r.sample();
    this.kernel.after(INSPECT_MS, () => {
      if (this.random() < DETECTION_RATE) {
        const defect = pick(this.random, DEFECTS);
        const confidence = Math.round(uniform(this.random, 0.6, 0.99) * 100) / 100;
        r.fields.lastDefect = defect;
        r.fields.confidence = confidence;
        r.sample();
        if (r.gateway !== '')
          this.kernel.emit({
            kind: 'event',
            t: this.kernel.now,
            gateway: r.gateway,
            assetId: r.id,
            assetType: r.type,
            event: 'detection',
            severity: confidence >= 0.85 ? 'warning' : 'info',
            data: { lastDefect: defect, confidence, machine: this.nearestMachine(this.position) },
          });
      }
      this.walk();
    });
  }
}
