// Whether Chinese text is written in Traditional or Simplified characters, so exports set it in
// the right regional font (Noto Sans TC or SC) and tag it zh-Hant or zh-Hans for Word and the
// browser: the shared characters look different in each, and the Simplified subsets lack some
// Traditional ones. Decided by frequent characters that exist in one form only.

// Pairs of common characters, Traditional then Simplified, where each form belongs to one
// writing system alone. Pairs whose Simplified form is also a Traditional character in its own
// right (后, 系, 志, 准, 云, 范, 几, 里, 只, 干, 台, 余, 划, 御) are left out, so they never count as Simplified.
const PAIRS =
  '們们這这個个為为說说國国學学會会時时來来對对開开關关與与發发經经還还過过實实現现點点進进動动當当' +
  '機机體体應应種种長长門门問问間间題题車车東东見见聽听讓让認认識识請请據据業业產产區区無无辦办權权' +
  '隱隐論论護护資资訊讯網网絡络電电話话報报導导錄录調调組组織织員员憲宪義义務务責责賠赔償偿傷伤風风' +
  '險险處处決决議议書书記记則则規规標标隨随邊边選选舉举歷历島岛灣湾華华語语計计數数庫库號号碼码' +
  '確确專专醫医療疗藥药環环軍军隊队戰战爭争難难獄狱監监視视聯联狀状況况態态變变條条約约擊击損损壞坏' +
  '圖图畫画愛爱親亲歡欢樂乐氣气級级線线紅红綠绿顏颜頁页頭头鐘钟錢钱銀银鐵铁鄉乡縣县廣广場场廠厂館馆' +
  '飯饭買买賣卖貨货幣币費费價价傳传統统總总結结構构紀纪際际緊紧張张帶带單单讀读寫写聞闻雜杂稱称講讲' +
  '謝谢歲岁齡龄聲声響响項项順顺須须領领顧顾預预顯显驗验證证藝艺術术衛卫屬属層层歸归盡尽異异億亿兩两' +
  '並并從从眾众獨独嗎吗樣样覺觉舊旧輕轻褻亵詆诋譴谴剝剥奪夺壓压';

const TRADITIONAL = new Set<string>();
const SIMPLIFIED = new Set<string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  TRADITIONAL.add(PAIRS[i]!);
  SIMPLIFIED.add(PAIRS[i + 1]!);
}

export type ChineseVariant = 'zh-Hant' | 'zh-Hans';

/** The variant the text's distinctive characters point to, or null when it has none (or as many of each). */
export function chineseVariant(text: string): ChineseVariant | null {
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (TRADITIONAL.has(char)) traditional++;
    else if (SIMPLIFIED.has(char)) simplified++;
  }
  if (traditional === simplified) return null;
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
}
