/** The resident page's own small dictionary (the staff app's is far larger and loads React). */
const zh = {
  title: '群众反映问题',
  reportTo: '反映到：{unit}',
  reportToUnknown: '反映到：本村（社区）',
  category: '1. 遇到的是哪类问题？',
  description: '2. 说说遇到了什么问题',
  descriptionPlaceholder: '例如：村口路灯坏了，晚上看不见路',
  voiceHint: '不方便打字？点输入法键盘上的“话筒”按钮，直接说话就能输入文字。',
  photo: '3. 拍张照片（可不拍）',
  takePhoto: '拍照或选择照片',
  removePhoto: '不要这张照片',
  photoBusy: '正在处理照片…',
  contact: '4. 留个联系方式（可不填）',
  name: '姓名',
  phone: '手机号',
  phoneHint: '留了手机号，办理结果会通知您；号码只给办理人员看，且部分隐藏。',
  hideReporter: '不让村（居）民代表和组长看到我的姓名',
  submit: '提交',
  submitting: '正在提交…',
  retrying: '信号不好，正在重新提交（第 {n} 次）…',
  draftKept: '上次没提交完的内容已帮您留着。',
  checking: '正在查看有没有人反映过…',
  similarTitle: '附近已有人反映了类似问题',
  similarHint: '如果是同一个问题，不用重复提交，我们正在办理。',
  similarFollowers: '{n} 人关注',
  followIt: '我也遇到了，关注它',
  followConfirm: '关注，办好后通知我',
  followed: '已关注。办理结果会通知您，不用重复提交。',
  reportedAt: '{at} 反映',
  notSame: '不是同一个问题，继续提交',
  submitted: '提交成功',
  trackingCode: '您的查询码',
  trackingHint: '请记下或截图保存这个查询码，凭它查看办理进度和评价。',
  viewProgress: '查看办理进度',
  reportAnother: '再反映一个问题',
  required: '请先选择问题分类',
  requiredText: '请说说遇到了什么问题',
  network: '网络不好，没有连上。您填的内容还在，请稍后再点一次（不会重复提交）。',
  trackTitle: '办理进度',
  enterCode: '输入查询码',
  enterCodeHint: '提交问题后得到的 10 位查询码',
  query: '查询',
  state: '当前状态',
  overdue: '已超期',
  resolveBy: '应在 {at} 前办结',
  steps: '办理过程',
  answer: '办理结果答复',
  answeredAt: '{at} 答复',
  closeReason: '未能解决的原因',
  mergedInto: '该问题已与另一条相同的反映合并办理。',
  rateTitle: '请您评价',
  rateUntil: '请在 {at} 前评价',
  satisfaction: '对办理结果满意吗？',
  fixed: '问题解决了吗？',
  comment: '还想说点什么（可不填）',
  submitRating: '提交评价',
  rated: '您的评价：{s}，{f}',
  reopenedNotice: '您反映问题没有解决，已重新交给办理人员处理。',
  reopen: '问题又出现了，重新办理',
  reopenReason: '请说明原因',
  reopenSubmit: '提交重新办理',
  chooseBoth: '请选择满意程度和是否解决',
  noSteps: '暂无记录',
  badLink: '链接不完整，请重新扫描联心卡上的二维码。',
  language: 'English',
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Report a problem',
  reportTo: 'Reporting to: {unit}',
  reportToUnknown: 'Reporting to: your village',
  category: '1. What kind of problem?',
  description: '2. Tell us what happened',
  descriptionPlaceholder: 'e.g. the street light at the village entrance is broken',
  voiceHint: 'Typing is hard? Tap the microphone on your keyboard and speak.',
  photo: '3. Take a photo (optional)',
  takePhoto: 'Take or choose a photo',
  removePhoto: 'Remove this photo',
  photoBusy: 'Preparing the photo…',
  contact: '4. Your contact (optional)',
  name: 'Name',
  phone: 'Mobile number',
  phoneHint: 'We will tell you the result; handlers see the number partly hidden.',
  hideReporter: "Don't show my name to representatives and group leaders",
  submit: 'Submit',
  submitting: 'Submitting…',
  retrying: 'Weak signal, submitting again (try {n})…',
  draftKept: 'What you typed last time is kept.',
  checking: 'Checking whether someone reported it already…',
  similarTitle: 'Similar problems reported nearby',
  similarHint: 'If it is the same problem there is no need to report it again: it is being handled.',
  similarFollowers: '{n} following',
  followIt: 'Same problem: follow it',
  followConfirm: 'Follow and tell me the result',
  followed: 'Following. We will tell you the result; no need to report it again.',
  reportedAt: 'reported {at}',
  notSame: "It's a different problem, submit",
  submitted: 'Submitted',
  trackingCode: 'Your tracking code',
  trackingHint: 'Write it down or take a screenshot: it shows the progress and lets you rate the answer.',
  viewProgress: 'See the progress',
  reportAnother: 'Report another problem',
  required: 'Choose a category first',
  requiredText: 'Tell us what the problem is',
  network: 'The network did not connect. Your text is kept; please try again shortly (it will not be filed twice).',
  trackTitle: 'Progress',
  enterCode: 'Tracking code',
  enterCodeHint: 'The 10-character code you got after reporting',
  query: 'Look up',
  state: 'Status',
  overdue: 'Overdue',
  resolveBy: 'Due by {at}',
  steps: 'Steps',
  answer: 'The answer',
  answeredAt: 'answered {at}',
  closeReason: 'Why it could not be solved',
  mergedInto: 'This report is handled together with another report of the same problem.',
  rateTitle: 'Please rate',
  rateUntil: 'Rate by {at}',
  satisfaction: 'Are you satisfied?',
  fixed: 'Was the problem fixed?',
  comment: 'Anything to add (optional)',
  submitRating: 'Send rating',
  rated: 'Your rating: {s}, {f}',
  reopenedNotice: 'You said it is not solved: it went back to the handlers.',
  reopen: 'It came back: handle it again',
  reopenReason: 'Why',
  reopenSubmit: 'Send',
  chooseBoth: 'Choose both how satisfied you are and whether it was fixed',
  noSteps: 'Nothing yet',
  badLink: 'The link is incomplete: scan the QR code on your contact card again.',
  language: '中文',
};

export const SATISFACTION = { satisfied: ['满意', 'Satisfied'], basic: ['基本满意', 'Fairly satisfied'], unsatisfied: ['不满意', 'Not satisfied'] } as const;
export const FIXED = { fixed: ['已解决', 'Fixed'], partly: ['部分解决', 'Partly fixed'], not_fixed: ['未解决', 'Not fixed'] } as const;
const STATE_EN: Record<string, string> = {
  reported: 'Reported',
  transmitted: 'Passed on',
  triaged: 'Sorted',
  accepted: 'Accepted',
  escalated: 'Escalated',
  transferred: 'Transferred',
  dispatched: 'With departments',
  resolved: 'Done',
  answered: 'Answered',
  rated: 'Rated',
  reopened: 'Reopened',
  closed: 'Closed',
  closedUnresolved: 'Closed, not solved',
  merged: 'Merged',
};

const KEY = 'jiceng.locale';
export let english = (() => {
  try {
    return localStorage.getItem(KEY) === 'en';
  } catch {
    return false;
  }
})();

export function setEnglish(on: boolean): void {
  english = on;
  try {
    localStorage.setItem(KEY, on ? 'en' : 'zh-CN');
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = on ? 'en' : 'zh-CN';
}

export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text = english ? en[key] : zh[key];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export const pick = (pair: readonly [string, string]) => (english ? pair[1] : pair[0]);
export const stateName = (state: string, zhName: string) => (english ? (STATE_EN[state] ?? state) : zhName);

/** The server writes public step messages as "中文 / English": show the page's half. */
export function half(text: string): string {
  const [zhPart, enPart] = text.split(' / ');
  return (english ? enPart : zhPart) ?? text;
}

export function when(iso: string): string {
  return new Intl.DateTimeFormat(english ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}
