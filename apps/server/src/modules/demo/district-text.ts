/**
 * Wording of the demo district's matters and visits: a few ways villagers put each kind of
 * problem (in the register of sample-matters.ts), the months each kind peaks in, and what the
 * handlers answer. `{g}` is the group's name.
 */
import type { Tier } from '@jiceng/shared';

export interface MatterKind {
  categoryCode: string;
  /** Relative weight per Beijing month, January first: the season the problem comes in. */
  months: readonly number[];
  texts: readonly string[];
  results: readonly string[];
  /** Beyond the village: escalated to the township, which dispatches this department (index into the district's). */
  department?: number;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const RAINY = [0.4, 0.4, 0.6, 0.8, 1.2, 2.2, 2.8, 2.6, 1.8, 0.9, 0.5, 0.4];

export const MATTER_KINDS: readonly MatterKind[] = [
  {
    categoryCode: 'infrastructure',
    months: RAINY,
    texts: [
      '{g}到村委会的路被大车压坏了一段，下雨积水，骑摩托车容易滑倒',
      '{g}路灯坏了好几盏，晚上出门黑漆漆的，老人不敢出门',
      '{g}入户的便道塌了一块，拉烤烟的车进不去',
      '雨季到了，{g}路边的排水沟堵死了，水漫到路上',
    ],
    results: ['已组织修补路面并疏通边沟', '已更换路灯灯头，恢复照明', '已用水泥硬化便道，车辆可正常通行'],
    department: 0,
  },
  {
    categoryCode: 'utilities',
    months: [1.4, 1.2, 1.4, 1.6, 1.6, 1, 0.8, 0.8, 0.8, 0.9, 1, 1.3],
    texts: [
      '{g}自来水这几天水压很小，住在坡上的几户接不到水',
      '{g}停水三天了，吃水要到河边挑',
      '{g}电压不稳，一到晚上电饭锅都煮不熟饭',
      '{g}的水管冻裂了，漏水很厉害',
    ],
    results: ['已检修水泵并更换减压阀，水压恢复', '已联系供电所调整变压器', '已更换破裂水管并做保温'],
    department: 1,
  },
  {
    categoryCode: 'environment',
    months: [0.8, 0.8, 0.9, 1, 1.2, 1.4, 1.6, 1.6, 1.2, 1, 0.8, 0.8],
    texts: ['{g}垃圾池满了好几天没人清运，苍蝇很多', '{g}河道里垃圾堆积，天热有异味', '{g}公厕没人打扫，臭得很', '有人在{g}路边倒建筑垃圾'],
    results: ['已联系保洁员清运，改为每周清运两次', '已组织党员和村民代表清理河道', '已落实公厕保洁人员，每天打扫'],
  },
  {
    categoryCode: 'housing',
    months: RAINY,
    texts: ['{g}这户房屋墙体出现裂缝，雨季有倒塌危险', '{g}老房子屋顶漏雨，瓦片掉了很多', '连下几天雨，{g}一户后墙的土坎有滑塌迹象'],
    results: ['已完成房屋安全鉴定，纳入危房改造', '已帮助修补屋面，更换破损瓦片', '已转移住户并设置警示，安排排危'],
    department: 0,
  },
  {
    categoryCode: 'social',
    months: [1.6, 1.4, 1, 0.9, 0.9, 0.9, 0.9, 0.9, 1, 1, 1.1, 1.5],
    texts: [
      '独居老人腿脚不便，想申请居家养老上门服务，不知道要准备哪些材料',
      '{g}一户想申请低保，问需要哪些证明',
      '残疾人补贴这个月还没有到账',
      '想咨询城乡居民养老保险怎么补缴',
    ],
    results: ['已代办居家养老服务申请', '已指导准备材料并代为提交低保申请', '已核实补贴发放情况，本月已补发'],
    department: 2,
  },
  {
    categoryCode: 'medical',
    months: [1.4, 1.2, 1, 0.9, 0.9, 0.9, 1, 1, 0.9, 0.9, 1, 1.3],
    texts: ['{g}老人慢性病的药在村卫生室买不到', '医保报销比例搞不清楚，想请人讲一下', '村卫生室医生这个月经常不在'],
    results: ['已协调乡卫生院定期配送慢病药品', '已请乡医保站到村宣讲报销政策', '已落实村医坐诊时间并公示'],
    department: 4,
  },
  {
    categoryCode: 'education',
    months: [0.6, 1.2, 1, 0.8, 0.8, 1, 0.8, 1.6, 1.8, 0.8, 0.7, 0.6],
    texts: ['{g}孩子上学要走一个多小时，想问能不能坐校车', '留守儿童放学后没人管，希望有人帮忙看', '想咨询雨露计划补助怎么申请'],
    results: ['已协调学校增开校车线路', '已在村活动室开设课后托管', '已指导申请雨露计划补助'],
  },
  {
    categoryCode: 'farming',
    months: [0.5, 0.8, 1.8, 2, 1.6, 1.2, 1, 1, 1.4, 1.2, 0.6, 0.5],
    texts: ['{g}苞谷叶子发黄，不知道是什么病', '烤烟育苗棚被风吹坏了', '今年化肥价格高，想问有没有补贴', '{g}的灌溉渠漏水，田里放不进水'],
    results: ['已请农技人员到田间指导防治', '已协调修复育苗棚', '已修补灌溉渠渗漏段'],
  },
  {
    categoryCode: 'safety',
    months: RAINY,
    texts: ['{g}后山有滚石，下面住着几户人家', '{g}河边没有护栏，小孩经常在那里玩', '{g}一户私拉电线，很危险'],
    results: ['已设置警示标志并上报地灾隐患点', '已安装护栏并设置警示牌', '已请供电所规范线路'],
    department: 3,
  },
  {
    categoryCode: 'dispute',
    months: [2.2, 2, 1, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1, 1, 1.6],
    texts: ['在外面打工的工钱被老板拖欠了半年', '{g}两家为宅基地界线吵起来了', '{g}两户因为放水灌田起了争执', '土地流转的租金今年还没给'],
    results: ['已协助申请劳动仲裁，工资已追回', '经村调委会调解，双方达成协议', '已约谈承租方，租金已支付'],
    department: 3,
  },
  {
    categoryCode: 'help',
    months: FLAT,
    texts: ['家里老人走失了，请帮忙找一下', '{g}一户失火，房子烧了一半，需要救助', '家里突发重病，医药费凑不齐'],
    results: ['已组织村民找回老人', '已发放临时救助金和生活物资', '已协助申请临时救助和大病救助'],
    department: 2,
  },
  {
    categoryCode: 'suggestion',
    months: FLAT,
    texts: ['建议在{g}建一个文化活动广场', '希望村里多组织一些技能培训', '建议村务公开栏及时更新'],
    results: ['已纳入明年村级项目计划', '已联系人社部门开办技能培训班', '已更新村务公开栏，每月公开一次'],
  },
];

export const REOPEN_REASONS = ['修好没几天又坏了', '问题还是没有解决', '只处理了一部分'];
export const ESCALATE_REASONS = ['需乡里协调相关部门', '村里无力解决，请乡镇协调'];
export const UNRESOLVED_REASONS = ['涉及历史遗留问题，已向当事人说明政策，暂无法解决', '资金未落实，已纳入明年计划并告知群众'];

export const VISIT_FINDINGS: Record<Tier, readonly string[]> = {
  red: [
    '家中病人病情稳定，按时服药',
    '房屋加固已完工，生活用品齐全',
    '临时救助金已到账，收入有所恢复',
    '老人身体尚可，低保按月发放',
    '家中劳动力外出务工，收入稳定',
  ],
  yellow: ['务工收入稳定，产业帮扶资金已用于养殖', '家庭收支正常，子女上学有保障', '烤烟长势良好', '养的猪出栏了，收入比去年高'],
  blue: ['家庭情况正常，无特殊困难', '电话了解近况，家人均在家', '微信回访，外出务工人员一切正常', '家中一切正常'],
};
export const VISIT_NEEDS = ['希望协调农技人员指导病虫害防治', '咨询医保缴费和大病报销政策', '希望修缮入户道路', '想了解小额信贷申请条件'];

/** Common given names (old and young generations). */
export const GIVEN = {
  male: ['国富', '建华', '志强', '德明', '正清', '永福', '光荣', '家贵', '文学', '成林', '绍华', '玉祥', '开明', '发顺', '金贵', '学文', '自强', '云峰'],
  female: ['秀英', '桂兰', '玉芬', '秀珍', '春梅', '丽华', '永芬', '翠花', '美仙', '兰英', '会芳', '明芝', '粉英', '琼芬'],
  boys: ['浩然', '子轩', '宇航', '俊杰', '文博', '家豪', '思源', '明轩'],
  girls: ['欣怡', '雨涵', '梓涵', '思琪', '佳怡', '婉婷', '紫萱', '诗雨'],
};
/** Weighted towards the commonest surnames of 曲靖 (some Yi and Hui families). */
export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '何',
  '罗',
  '高',
  '郭',
  '普',
  '李',
  '张',
  '王',
  '杨',
  '陈',
  '刘',
  '浦',
  '缪',
  '蒋',
  '邓',
];
export const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
