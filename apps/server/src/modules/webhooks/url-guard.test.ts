import { describe, expect, it } from 'vitest';
import { isNonPublicAddress, sendTimeProblem, urlProblem } from './url-guard';

const WECOM = { hosts: ['qyapi.weixin.qq.com'], allowHttp: false, allowPrivate: false };

describe('robot URL guard', () => {
  it('allows only https to the configured hosts by default', () => {
    expect(urlProblem('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', WECOM)).toBeNull();
    expect(urlProblem('https://QYAPI.weixin.qq.com./cgi-bin/webhook/send?key=abc', WECOM)).toBeNull();
    expect(urlProblem('http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', WECOM)?.en).toMatch(/only https/);
    expect(urlProblem('https://qyapi.weixin.qq.com.evil.example/x', WECOM)?.en).toMatch(/only these hosts/);
    expect(urlProblem('https://127.0.0.1/x', WECOM)?.en).toMatch(/only these hosts/);
    expect(urlProblem('https://u:p@qyapi.weixin.qq.com/x', WECOM)?.en).toMatch(/no user or password/);
    expect(urlProblem('ftp://qyapi.weixin.qq.com/x', WECOM)).not.toBeNull();
  });

  it('refuses literal non-public addresses even when their host is listed, unless private ones are allowed', () => {
    const listed = (host: string) => ({ hosts: [host], allowHttp: true, allowPrivate: false });
    for (const [url, host] of [
      ['http://127.0.0.1:8080/x', '127.0.0.1'],
      ['http://[::1]/x', '[::1]'],
      ['http://[::ffff:127.0.0.1]/x', '[::ffff:7f00:1]'],
      ['http://2130706433/x', '127.0.0.1'],
      ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
      ['http://10.0.0.5/x', '10.0.0.5'],
      ['http://[fd00::1]/x', '[fd00::1]'],
    ])
      expect(urlProblem(url as string, listed(host as string))?.en, url).toMatch(/private, loopback/);
    expect(urlProblem('http://127.0.0.1:8080/x', { hosts: ['127.0.0.1'], allowHttp: true, allowPrivate: true })).toBeNull();
  });

  it('knows the non-public ranges', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.0.1',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12::1',
      '::ffff:10.0.0.1',
      '::ffff:a00:1',
      '224.0.0.1',
    ])
      expect(isNonPublicAddress(a), a).toBe(true);
    for (const a of ['101.91.37.14', '8.8.8.8', '172.32.0.1', '2402:4e00::1', '::ffff:8.8.8.8']) expect(isNonPublicAddress(a), a).toBe(false);
  });

  it('checks at send time what the host resolves to then (DNS rebinding)', async () => {
    // "localhost" passes the text checks of a policy listing it, but resolves to a loopback address.
    const problem = await sendTimeProblem('http://localhost:9/x', { hosts: ['localhost'], allowHttp: true, allowPrivate: false });
    expect(problem).toMatch(/localhost resolves to the non-public address (127\.0\.0\.1|::1)/);
    // A URL saved under a looser policy is refused once the policy no longer allows it.
    expect(await sendTimeProblem('http://127.0.0.1:9/x', WECOM)).toMatch(/refused by the robot URL policy/);
  });
});
