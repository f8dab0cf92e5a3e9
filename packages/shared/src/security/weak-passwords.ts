/**
 * Passwords people in China (and everywhere) pick first, lower-cased, as found at the top of the
 * leaked-password lists (CSDN, 12306, 178, RockYou) plus this product's own names. Only entries
 * that the length and class rules would let through matter, but short ones stay listed so that
 * the list reads as what it is. Checked after lower-casing and after stripping spaces.
 */
// biome-ignore format: ten to a line, as the leaked lists read
export const WEAK_PASSWORDS: readonly string[] = [
  '123456', '12345678', '123456789', '1234567890', '0123456789', '111111', '000000', '888888', '666666', '520520',
  '5201314', '1314520', 'woaini', 'woaini1314', 'woaini520', 'woaini123', 'woaini5201314', 'iloveyou', 'iloveyou1314',
  'qq123456', 'qq12345678', 'qq123456789', 'qwe123456', 'qwe1234567', 'qweasd123', 'qweasdzxc', 'qweasdzxc123', 'qwer1234', 'qwer123456',
  'qwerty', 'qwerty123', 'qwerty1234', 'qwertyuiop', 'qwertyuiop123', 'asdfghjkl', 'asdf1234', 'asd123456', 'asdasd123', 'zxcvbnm', 'zxcvbnm123',
  '1qaz2wsx', '1qaz2wsx3edc', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4', 'q1w2e3r4t5', 'a1b2c3d4', 'a1b2c3d4e5', 'abc123',
  'abc123456', 'abc1234567', 'abc12345678', 'abcd1234', 'abcd123456', 'abcdef123', 'a123456', 'a1234567', 'a12345678', 'a123456789',
  'a1234567890', 'aa123456', 'aa12345678', 'aaa123456', 'aa123456789', 'zz123456', 'z123456789', 'w123456789', 'wang123456', 'li123456',
  'zhang123456', 'liu123456', 'chen123456', 'yang123456', 'huang123456', 'zhao123456', 'zhou123456', 'wu123456', 'xu123456', 'sun123456',
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'p@ssw0rd123', 'pass1234',
  'pass123456', 'admin', 'admin123', 'admin1234', 'admin12345', 'admin123456', 'admin@123', 'admin@1234', 'admin888', 'administrator',
  'root123456', 'root@123', 'test123456', 'test@123', 'welcome123', 'changeme', 'changeme123', 'letmein123', 'default123', 'abc@123456',
  'aa112233', '112233445566', '11223344', '123123123', '123321123', '147258369', '159357159', '7758521', '7758258', 'a7758521',
  'woshishui', 'nihao123', 'nihao123456', 'wodemima', 'mima123456', 'mima1234', 'zhongguo', 'zhongguo123', 'china123', 'china123456',
  'beijing123', 'shanghai123', 'yunnan123', 'qujing123', 'zhanyi123', 'zhanyi2026', 'dragon123', 'monkey123', 'football1', 'baseball1',
  'jiceng', 'jiceng123', 'jiceng1234', 'jiceng123456', 'jiceng2025', 'jiceng2026', 'jiceng-demo', 'jicengdemo', 'jiceng@123', 'jiceng-admin',
  'jiceng-2026', 'jicengadmin', 'jiceng_demo', 'demo123456', 'demo-pass', 'jczl123456', 'jczl2026', 'zhili123456', 'dangjian123', 'wangge123456',
];
