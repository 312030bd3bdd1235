/**
 * The guided tours' UI strings, kept in a table of their own so the tours' work merges without
 * touching the lines around it; `strings.ts` spreads them into `en` and `zhCN`.
 */
export const tourEn = {
  'tour.button': 'Tours',
  'tour.buttonTip': 'Guided tours of this site: stops with a trainer’s notes (T)',
  'tour.title': 'Guided tour',
  'tour.choose': 'Choose a tour; it starts at its first stop',
  'tour.previous': 'Previous stop (,)',
  'tour.next': 'Next stop (.)',
  'tour.play': 'Play the tour',
  'tour.pause': 'Pause the tour',
  'tour.position': 'Stop {stop} of {stops}',
  'tour.ended': 'End of the tour',
  'tour.close': 'End the tour (Esc)',
  'tour.keys': ', previous · . next · Esc end',
  'tour.empty':
    'This site has no guided tours yet. A trainer adds them to the twin config’s tours section.',
  'tour.atReplay': 'Recording time {time}',
  'tour.atLive': 'In a replay this stop goes to {time}; live, the site is shown as it is now.',
} as const;

export const tourZhCN: Record<keyof typeof tourEn, string> = {
  'tour.button': '导览',
  'tour.buttonTip': '本场地的导览：按站点播放培训讲解（T）',
  'tour.title': '导览',
  'tour.choose': '选择导览，从第一站开始',
  'tour.previous': '上一站（,）',
  'tour.next': '下一站（.）',
  'tour.play': '播放导览',
  'tour.pause': '暂停导览',
  'tour.position': '第 {stop} 站，共 {stops} 站',
  'tour.ended': '导览结束',
  'tour.close': '结束导览（Esc）',
  'tour.keys': ', 上一站 · . 下一站 · Esc 结束',
  'tour.empty': '此场地还没有导览。培训人员可在孪生配置的 tours 部分添加。',
  'tour.atReplay': '录像时刻 {time}',
  'tour.atLive': '回放时此站跳到 {time}；实时模式下显示场地当前的状态。',
};
