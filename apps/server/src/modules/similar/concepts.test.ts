import { describe, expect, it } from 'vitest';
import { conceptsOf, familiesOf } from './concepts';
import { featuresOf } from './features';
import { combinedScore } from './score';
import { normalize } from './text';

const of = (text: string) => conceptsOf(normalize(text));

describe('the thesaurus of village reports', () => {
  it('gives dialect words and synonyms the concept of the standard word', () => {
    expect(of('苞谷被拱了')).toContain('#T:corn');
    expect(of('玉米被拱了')).toContain('#T:corn');
    expect(of('公厕太脏')).toContain('#T:toilet');
    expect(of('厕所太脏')).toContain('#T:toilet');
    expect(of('茅司没人扫')).toContain('#T:toilet');
    expect(of('工钱不给')).toEqual(expect.arrayContaining(['#T:wage', '#F:missing']));
    expect(of('拖欠工资')).toEqual(expect.arrayContaining(['#T:wage', '#F:missing']));
    expect(of('洋芋')).toEqual(of('土豆'));
    expect(of('路登不亮')).toEqual(expect.arrayContaining(['#T:light', '#F:broken']));
  });

  it('keeps one-character topic words, and does not read them inside longer words', () => {
    expect(of('狗')).toEqual(['#T:dog']);
    expect(of('有个坑')).toContain('#F:pothole');
    expect(of('河')).toEqual(['#T:river']);
    expect(of('水泥')).toEqual([]);
    expect(of('野猪')).toEqual(['#T:boar']);
    expect(of('茅坑满了')).not.toContain('#F:pothole');
    expect(of('电线')).toEqual(['#T:wire']);
    expect(familiesOf('#T:dog')).toEqual(['#G:Tanimals']);
  });

  it('scores a report of the same problem in other words above the same thing with another fault', () => {
    const filed = featuresOf('v', '邻居家的狗整夜叫，吵得人睡不着');
    const same = combinedScore(featuresOf('v', '隔壁那条大黄狗天天半夜乱吠'), filed);
    const bite = combinedScore(featuresOf('v', '邻居家的狗把我家娃娃咬伤了'), filed);
    expect(same).toBeGreaterThan(bite);
    // Words the thesaurus does not know are still matched by their characters and jieba words.
    const unknown = featuresOf('v', '张家和李家说好的那件事一直没有兑现');
    expect(combinedScore(featuresOf('v', '张家和李家说好的那件事还没兑现'), unknown)).toBeGreaterThan(0.5);
  }, 30_000); // jieba's dictionaries load on first use: seconds on a busy machine
});
