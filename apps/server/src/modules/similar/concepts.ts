/**
 * A thesaurus of what village reports are about (docs/similar.md). Residents name one thing in
 * many words — standard, Yunnan dialect (苞谷, 洋芋, 茅司, 屋头, 老倌), homophone slips (路登,
 * 拉圾) — and often in one character (狗, 坑, 河). Each word below names a concept:
 * - `T` a thing the report is about (路灯, 狗, 河, 工资 …);
 * - `F` what is wrong with it (broken, stopped, dirty, noisy …) or what is asked (a request).
 * Two reports of one problem share the thing and the fault; a report of another problem at the
 * same place shares the thing or the place but names another fault (docs/similar.md: hard negatives).
 *
 * Matching is longest-first over the normalised text, so 水泥 is not 水, 野猪 is not 猪, 电线 is
 * not 电 and 茅坑 is a toilet, not a pothole. A word may name several concepts (停电: power +
 * missing); `-` marks a word that names none (it only stops a shorter match inside it).
 */
const TABLE = `
T light: 路灯 路登 路的灯 照明灯 照明 太阳能灯 电灯 灯泡 灯杆 灯
T power: 电 电力 供电 来电 用电 电压
T wire: 电线 电缆 线路 高压线 电线子
T pole: 电杆 电线杆 线杆 电线杆子 电杆子
T bill: 电费 水费 电表 水表 费用 收费 票价 费 钱
T signal: 信号 网络 手机 电话 宽带 网速 上网 网课 4g 5g 基站
T water: 水 自来水 吃水 饮水 供水 用水 水龙头 来水 吃的水
T pipe: 水管 管子 管道 供水管 自来水管 水管子 主管 主水管 水管道
T well: 井 水井 老井 吃水井 机井
T pond: 水塘 池塘 塘 臭水塘 鱼塘 坑塘 水坑 水凼 凼
T river: 河 小河 河道 河沟 河水 溪 小溪 河边 河堤 大河 江
T reservoir: 水库 大坝 水坝 坝塘 库区
T ditch: 沟 水沟 排水沟 沟渠 水渠 渠 阴沟 排洪沟 沟沟
T irrigation: 灌溉 放水 水口 浇地 浇水 抽水
T road: 路 道路 公路 村道 水泥路 马路 路面 通村路 土路 道 巷道 进村路 便道 路段
T bridge: 桥 木桥 小桥 老桥 桥梁 石桥 便桥 桥面
T rail: 栏杆 护栏 扶手 围栏 防护栏
T toilet: 厕所 公厕 茅厕 茅房 茅司 茅坑 旱厕 卫生间 公共厕所 粪池 化粪池 粪坑 厕
T garbage: 垃圾 拉圾 垃极 垃圾桶 垃圾箱 垃圾池 垃圾车 塑料袋 生活垃圾 废品 渣土 建筑垃圾
T dog: 狗 犬 黄狗 野狗 流浪狗 狗子 大狗 疯狗 狗儿
T cat: 猫
T pig: 猪 猪圈 养猪场 生猪 猪场 猪儿
T boar: 野猪
T cattle: 牛 黄牛 水牛 耕牛 牛群 牛儿
T sheep: 羊 山羊 羊群
T poultry: 鸡 鸭 鹅 家禽 鸡鸭
T rat: 老鼠 耗子 鼠 鼠害 鼠药
T snake: 蛇
T pest: 蚊子 蚊虫 苍蝇 蚊蝇 虫子 虫 蟑螂
T corn: 玉米 苞谷 包谷 苞米 玉麦 棒子 包包谷
T potato: 洋芋 土豆 马铃薯 山药蛋
T rice: 稻谷 水稻 秧苗 秧 稻 谷子 秧田
T crops: 庄稼 农作物 粮食 麦子 小麦 蔬菜 菜地 烤烟 果树
T straw: 秸秆 稻草 玉米杆 杆子 苞谷杆 玉米秆 麦秆 秆
T weeds: 杂草 野草
T tree: 树 大树 树木 树枝 树子
T house: 房子 房屋 老房子 土坯房 屋 住房 危房 屋头 屋里 民房 土房 瓦房 平房 楼房
T wall: 墙 墙体 墙壁 围墙 院墙 挡墙 挡土墙
T roof: 屋顶 房顶 瓦 屋面 瓦片
T land: 地 土地 田 田地 耕地 承包地 地块 地里 田里 山地 坡地 自留地
T homestead: 宅基地 屋基
T boundary: 界 地界 边界 界桩 界线 界址 分界
T wage: 工资 工钱 劳务费 薪水 工费 血汗钱 工程款 讨薪 薪资 报酬 务工费
T subsidy: 补贴 补助 补钱 惠农 补偿 补偿款 救助 低保 补助金 种粮 直补
T pension: 养老金 养老钱 养老保险 退休金 社保 高龄补贴
T medical: 医保 合作医疗 新农合 医疗保险 农合 报销
T elder: 老人 老人家 老大爷 老倌 老倌儿 孤寡老人 老奶奶 大爷 老年人 老太太 老太婆 五保户 独居 孤寡 老奶 老爷爷 老汉 老头
T child: 娃娃 小孩 孩子 小孩子 学生 娃 儿童 新生儿 小娃 娃儿 小娃娃 婴儿 宝宝
T hukou: 户口 落户 户籍 户口本 上户
T school: 学校 小学 中学 幼儿园 校门 学堂
T bus: 班车 客车 公交 公交车 中巴 面包车
T quarry: 石场 采石场 打石头 石厂 矿 矿山 石料厂 砂石
T music: 广场舞 跳舞 音响 喇叭 放歌 音量 唱歌 音乐 卡拉ok
T gambling: 赌博 赌钱 赌局 打牌 麻将 设赌 赌
T shop: 小卖部 商店 超市 小店 门市
T food: 食品 饮料 食物 零食
T manure: 粪 粪便 猪粪 粪水 屎尿 屎 尿 牛粪 鸡粪
T sewage: 污水 脏水 排污 废水 黑水
T fish: 鱼 鱼苗
T slope: 山体 坡 山坡 边坡 土坡 山
T rain: 下雨 大雨 暴雨 雨 雨水 下大雨
T fire: 火 山火 火灾 大火
T smoke: 烟 浓烟 烟雾 黑烟 烟子
T paperwork: 证 证明 材料 手续 证件 老年证 残疾证 身份证
F pothole: 坑 大坑 深坑 坑洼 坑坑洼洼 烂路 路烂 小坑 凹 塌陷
F broken: 坏 坏了 损坏 坏掉 烂 烂了 不亮 不能用 失灵 断 断了 断裂 破损 掉了 没了 不转 不通 故障
F dark: 黑 黑漆漆 黑灯瞎火 漆黑 看不见 看不清 黑乎乎 黑咕隆咚
F missing: 停 停了 没 没有 无 缺 不来 没来 没到 到账 没发 不给 拖欠 欠 没结 拖 领不到 没领 没下来 枯 干了 打不出 一滴 没得 停发 断水 断电 停水 停电 不发 未发 未到 没水 没电
F cannot: 上不了 办不下来 没办成 办不成 交不了 缴不了 打不出去 充不了 不会 不晓得 不知道 办不了
F block: 截水 放不进水 不进水 堵 堵住 堵死 堵了 堵塞 过不去 占 占了 挡 拦 截 霸 淤 淤满 淤积 不让 多占 占用 侵占 乱搭 违建 盖到
F dirty: 脏 臭 发臭 臭气 恶臭 味道 熏 臭烘烘 味 脏死 脏乱 难闻 臭味 刺鼻
F neglect: 没人管 没人打扫 没人清理 没人处理 没人拉 无人管 没人看 没人照顾 好久没人 没人来 没人收 没人掏 不管
F overflow: 满 满了 装不下 溢 溢出 冒 往外冒 漫 漫出
F crack: 裂 裂缝 开裂 裂开 缝 裂口 口子
F collapse: 塌 倒塌 垮 塌方 滑坡 垮塌 垮下来 泥石流 冲垮 埋
F fallen: 倒 吹倒 倒了 刮断 歪 刮倒 压断 砸 压在
F sag: 垂 耷拉 掉下来 垂得太低 低垂 吊着 碰到头
F leak: 漏 漏水 漏雨 爆 爆了 暴裂 爆裂 破 破了 流 淌 渗 渗水 哗哗
F flood: 淹 进水 灌进 泡 水淹 发大水 洪水 涨水 内涝 积水
F noise: 吵 吵闹 噪音 声音 大声 太响 响 叫 乱叫 吠 汪汪 狂叫 震 闹 放炮 开炮 爆破 吵得
F attack: 咬 咬伤 追 扑 伤人 抓伤
F dead: 死 死掉 死了 死鱼 毒死 电死 病死 生蛆 蛆
F drown: 淹死 溺水 游泳 洗澡 玩水 下水 戏水
F disease: 病 发病 疫病 晚疫病 得病 病了 发黑 枯死 病虫害 瘟
F eaten: 拱 啃 糟蹋 偷吃 吃了 踩 踩烂 祸害 毁 糟蹋完
F burn: 烧 点火 焚烧 着火 起火 燃烧 烧秸秆 呛
F pollute: 污染 浑浊 发黄 怪味 汽油味 变色 发浑 黄汤 不干净 偷排 排到 变黑
F price: 价格 价 收购价 卖不出去 卖不掉 滞销 卖不出 收购 涨价 涨了 太贵 贵 太低 标准 金额 少了 多少钱
F request: 想再 想多 想装 想建 想申请 想办 想换 想修 申请 新建 加装 多装 需要 想要 能不能 可不可以 建议 要求 安装 增加 修宽 扩宽 硬化 想挪
F alone: 一个人 无儿无女 没人照顾 孤零零 独自 没吃的
F infest: 成灾 太多 多得 成堆 泛滥 好多 一窝
F lost: 丢 丢了 找不到 不见了 走失 跑丢
F wrong: 写错 错了 错误 不对 改过来 改名
F narrow: 窄 太窄 错不开 会不了车
F steep: 陡 太陡 弯道
F frozen: 冻 冻住 冻裂 太浅 浅
F gamble: 赌博 赌钱 赌局 设赌 聚众
F pay: 补缴 缴费 交费 缴纳 要交 交钱 怎么交 在哪里缴 在哪里交 怎么缴 缴 续保
F claim: 报销 理赔 赔付 赔偿
F shade: 光线 采光 挡光 遮光 太高 遮挡 挡住了光
F poach: 电鱼 炸鱼 毒鱼 网鱼 偷鱼
F quarrel: 吵起来 吵架 纠纷 扯皮 打架 矛盾 争执 闹矛盾 吵嘴 争吵
F weak: 差 太差 不好 弱 一格 很慢 卡 时有时无
F expired: 过期 变质 假货
- 路边 路口 路旁 路过 过路 家里 屋头 屋里 屋里头 埋得 水泥 水果 水平 电动车 电视 电脑 电鱼 电费 冰箱 没人 没事 电话号码 有人 人家 出门 门口 一下 下面 下游 上游 地方 地头 到处 得很 好几 一直
`;

export type ConceptKind = 'T' | 'F';

const VARIANTS = new Map<string, string[]>();
let longest = 1;
for (const line of TABLE.trim().split('\n')) {
  const [head, words] = line.startsWith('-') ? ['-', line.slice(1)] : (line.split(':') as [string, string]);
  const [kind, id] = head.trim().split(' ');
  const concept = kind === '-' ? null : `#${kind}:${id}`;
  for (const w of words.trim().split(/\s+/)) {
    const list = VARIANTS.get(w) ?? [];
    if (concept && !list.includes(concept)) list.push(concept);
    VARIANTS.set(w, list);
    longest = Math.max(longest, [...w].length);
  }
}
// Compound words that name a thing and its fault at once.
for (const [w, extra] of [
  ['停电', '#T:power'],
  ['断电', '#T:power'],
  ['没电', '#T:power'],
  ['停水', '#T:water'],
  ['断水', '#T:water'],
  ['没水', '#T:water'],
  ['塌方', '#T:road'],
  ['鼠药', '#F:request'],
  ['赌博', '#T:gambling'],
  ['淹死', '#F:dead'],
  ['坑', '#F:broken'],
  ['截水', '#T:water'],
  ['不进水', '#T:water'],
  ['放不进水', '#T:water'],
  ['大坑', '#F:broken'],
] as const) {
  const list = VARIANTS.get(w) ?? [];
  if (!list.includes(extra)) list.push(extra);
  VARIANTS.set(w, list);
}

// Related concepts (a family): two reports naming related things or faults agree in part
// (宅基地 and 界桩 are both a plot dispute; 堵 and 满 both keep water from running).
const FAMILIES = `
property: homestead boundary land wall house
supply: water pipe well power
farmwater: irrigation ditch rice land water reservoir
sanitation: toilet garbage manure sewage pest pond
transport: road bridge rail slope bus
electric: power wire pole light
animals: dog cat pig cattle sheep poultry boar rat snake
harvest: corn potato rice crops straw land boar
people: elder child
welfare: pension subsidy medical hukou paperwork wage bill
loud: music quarry
waters: river reservoir pond fish sewage ditch
failure: broken crack collapse fallen sag leak pothole dark
absent: missing cannot neglect alone
unclean: dirty pollute infest overflow neglect
stuck: block overflow narrow
conflict: block quarrel
absent2: missing weak cannot
wet: flood leak drown
harm: attack dead disease eaten burn
money: price wrong pay claim
`;
const FAMILY = new Map<string, string[]>();
for (const line of FAMILIES.trim().split('\n')) {
  const [family, members] = line.split(':') as [string, string];
  for (const m of members.trim().split(/\s+/)) FAMILY.set(m, [...(FAMILY.get(m) ?? []), family]);
}

/** The families of a concept token (`#T:dog` → `#G:animals`). */
export function familiesOf(concept: string): string[] {
  return (FAMILY.get(concept.slice(3)) ?? []).map((f) => `#G:${concept[1]}${f}`);
}

/** The concepts a normalised text names, longest word first (`#T:light`, `#F:broken` …). */
export function conceptsOf(normalised: string): string[] {
  const chars = [...normalised];
  const out = new Set<string>();
  let i = 0;
  while (i < chars.length) {
    let step = 1;
    for (let len = Math.min(longest, chars.length - i); len >= 1; len--) {
      const hit = VARIANTS.get(chars.slice(i, i + len).join(''));
      if (hit) {
        for (const c of hit) out.add(c);
        step = len;
        break;
      }
    }
    i += step;
  }
  return [...out];
}

export const isThing = (token: string) => token.startsWith('#T:');
export const isFault = (token: string) => token.startsWith('#F:');
export const isConcept = (token: string) => token.startsWith('#');
