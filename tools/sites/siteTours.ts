import type { TwinConfigInput } from '../../src/config/schema';

type TourInput = NonNullable<TwinConfigInput['tours']>[number];

/**
 * The bundled terminal's guided tours, written as a trainer would say them. The lesson's times
 * are those of the bundled shift (recordings/terminal-shift.mcap, 08:00–16:00 at the site), where
 * quay crane 5 stops with a hoist brake fault at 09:42:40 (`npx tsx tools/recordings/incidents.ts`).
 */
export function terminalTours(): TourInput[] {
  return [
    {
      id: 'quay-to-gate',
      name: { en: 'Quay to gate', 'zh-CN': '从岸边到闸口' },
      stops: [
        {
          view: 'overview',
          at: '2025-01-06T09:00:00+08:00',
          note: {
            en: 'This is the whole terminal. Ships berth along the quay at the top; boxes go by internal truck to the yard blocks behind it, and road trucks come and go through the gate. We follow one box from the ship to the gate.',
            'zh-CN':
              '这是码头全景。船舶靠泊在上方的岸线；集装箱由内集卡运到后方堆场的箱区，外集卡从闸口进出。下面我们跟着一个箱子，从船边一直走到闸口。',
          },
        },
        {
          view: 'berth-1',
          note: {
            en: 'Berth 1. The ship alongside is worked by several quay cranes at once: discharge from the holds, load from the yard. How many cranes work a ship (the crane split) decides how soon it sails.',
            'zh-CN':
              '1 号泊位。靠泊的船由几台岸桥同时作业：从舱内卸箱，从堆场装船。一条船配几台岸桥（作业路数）决定了它多快能离港。',
          },
        },
        {
          follow: 'QC01',
          note: {
            en: 'Quay crane QC01. The trolley runs out over the ship, the spreader locks onto a box and hoists it, then sets it on a truck under the crane. The target is 28 moves an hour; the camera follows the crane as it moves along the quay.',
            'zh-CN':
              '岸桥 QC01。小车开到船上方，吊具锁住箱子起升，再放到岸桥下等候的集卡上。目标是每小时 28 个自然箱；镜头会跟随岸桥沿岸线移动。',
          },
        },
        {
          follow: 'T002',
          note: {
            en: 'An internal truck takes the box from under the crane to its yard block. Internal trucks never leave the terminal. When too few are free, the cranes wait: watch for the “waiting for trucks” alarm.',
            'zh-CN':
              '内集卡把箱子从岸桥下运到指定箱区。内集卡从不离开码头。可用集卡太少时岸桥就要等车：注意“等待集卡”告警。',
          },
        },
        {
          view: 'yard',
          note: {
            en: 'The yard. Each block has its rubber-tyred gantry (RTG), which lifts the box off the truck and stacks it, up to five high. The truck waits under the RTG until its box is off.',
            'zh-CN':
              '堆场。每个箱区有一台轮胎吊（RTG），把箱子从集卡上吊下并堆放，最高五层。集卡在轮胎吊下等到箱子卸完才离开。',
          },
        },
        {
          view: 'gate',
          note: {
            en: 'The gate. Hauliers’ road trucks enter and leave here with their papers checked. An internal truck in the gate lanes is a mistake: it raises a critical alarm at once.',
            'zh-CN':
              '闸口。外部车队的集卡在这里查验单证后进出。内集卡进入闸口车道属于差错，会立即触发严重告警。',
          },
        },
      ],
    },
    {
      id: 'lesson-hoist-brake',
      name: { en: 'Lesson: a quay crane stops', 'zh-CN': '案例：岸桥停机' },
      stops: [
        {
          follow: 'QC05',
          at: '2025-01-06T09:40:00+08:00',
          note: {
            en: '09:40, day shift. Quay crane 5 is working normally and trucks queue in quay lane 1 to be served by it. Keep an eye on the crane.',
            'zh-CN':
              '白班 09:40。5 号岸桥正常作业，集卡在 1 号岸边车道排队等它装卸。请注意这台岸桥。',
          },
        },
        {
          follow: 'QC05',
          at: '2025-01-06T09:43:00+08:00',
          note: {
            en: '09:42:40. The crane stops with fault H31, a hoist brake fault: critical, it must not lift until maintenance releases it. Such a repair takes 15 to 30 minutes. Press A for the alarm list.',
            'zh-CN':
              '09:42:40，岸桥报 H31 起升制动故障后停机：属于严重故障，维修放行前不得起吊。这类维修需要 15 到 30 分钟。按 A 查看告警列表。',
          },
        },
        {
          view: 'quay',
          at: '2025-01-06T09:50:00+08:00',
          dwellMs: 15_000,
          note: {
            en: 'Seven minutes later. The trucks sent to crane 5 are still queued under it; nobody sent them to the other cranes, which now wait for trucks. What should the dispatcher have done?',
            'zh-CN':
              '七分钟后。派给 5 号岸桥的集卡仍在它下面排队，没有人把它们调给其他岸桥，而那些岸桥正在等车。调度员当时应该怎么做？',
          },
        },
        {
          follow: 'QC05',
          at: '2025-01-06T10:01:30+08:00',
          note: {
            en: '10:01. After 18 minutes the crane works again. Its moves per hour stay under target for another hour: see the crane-rate warning that follows in the Incidents list.',
            'zh-CN':
              '10:01，停机 18 分钟后岸桥恢复作业。此后一小时内它的台时效率仍低于目标：见事件列表中随后出现的效率告警。',
          },
        },
      ],
    },
  ];
}

/** The bundled factory's guided tour: the way the cloth goes, from the warehouse to pressing. */
export function factoryTours(): TourInput[] {
  return [
    {
      id: 'fabric-to-garment',
      name: { en: 'Fabric to garment', 'zh-CN': '从面料到成衣' },
      stops: [
        {
          view: 'overview',
          note: {
            en: 'The whole floor. Cloth comes in at the warehouse on the left, is cut, sewn on the lines in the middle and pressed on the right. AGVs carry the cut bundles between them.',
            'zh-CN':
              '车间全景。面料从左侧仓库进来，经裁剪，在中间的缝制线上缝制，最后在右侧整烫。AGV 在各区之间运送裁片捆。',
          },
        },
        {
          view: 'warehouse',
          note: {
            en: 'The fabric warehouse. Rolls wait on the racks until the cutting room calls for them, order by order.',
            'zh-CN': '面料仓库。布卷放在货架上，按订单等待裁剪区领用。',
          },
        },
        {
          view: 'cutting',
          note: {
            en: 'The cutting room. Layers of cloth are cut to the pattern on these tables and tied into bundles, one bundle per garment size and colour.',
            'zh-CN': '裁剪区。多层面料在裁床上按纸样裁剪，再按尺码和颜色扎成裁片捆。',
          },
        },
        {
          follow: 'AGV01',
          note: {
            en: 'AGV01 takes bundles to the sewing lines. If the AGVs fall behind, the first stations of a line run out of work: watch the machine utilisation KPI.',
            'zh-CN':
              'AGV01 把裁片捆送往缝制线。AGV 跟不上时，缝制线的前几道工位就会断料：请关注设备利用率指标。',
          },
        },
        {
          view: 'sewing',
          note: {
            en: 'The sewing lines. Each station does one operation; the slowest one sets the pace of the whole line. The output-per-hour KPI shows whether the line keeps up with the plan.',
            'zh-CN':
              '缝制线。每个工位做一道工序，最慢的工位决定整条线的节拍。小时产量指标显示缝制线是否跟上计划。',
          },
        },
        {
          follow: 'IR01',
          note: {
            en: 'Inspection robot IR01 patrols the lines and checks the work. Its findings reach us over the same 5G network as the machines’ data.',
            'zh-CN':
              '巡检机器人 IR01 在缝制线间巡视并检查质量。它的结果与设备数据一样经由 5G 网络上报。',
          },
        },
        {
          view: 'finishing',
          note: {
            en: 'Pressing and finishing. The garments are pressed, checked and packed here, ready to ship. That is the end of the tour.',
            'zh-CN': '整烫后整理。成衣在这里整烫、检验和包装，等待发运。导览到此结束。',
          },
        },
      ],
    },
  ];
}
