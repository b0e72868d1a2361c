// Capitalised words that start no personal name: they break a run of capitalised words apart, so
// "UN Special Rapporteur on Freedom of Expression" or "Meta Platforms" is not taken for a person.
// All in folded form (lower case, no diacritics). Name syllables that are also place names (Nam,
// Minh, Hà) are not here: places made of them are listed whole in STOP_PHRASES instead.
import { foldedText } from './fold';

/** Every capitalised word of the knowledge base's titles (frameworks, mechanisms, NCPs, sections). */
export const KB_TITLE_WORDS = `accountability act action advocacy agreement amplify aprigf areas article asia asia-pacific asian
assembly assessment ausncp australian b-tech board build business cambodia case centre child china civil clara clinic coalition
collaborative collectively comment commission commissioner committee community community-led companies complement conclusion
conduct conflict-affected consumer contact content core corporate council courts covenant data declaration development digital
diligence disclosure discrimination do document due economy elimination engage engagement engaging enterprises escalate ethics
everything expression february findings forum framework frameworks freedom general get global governance government group guidance
guide guidelines guiding heads high high-risk homework how human impact impacts implementation implementing independent index
indonesia industry information initiative innovation institutions instruments interests intergovernmental international internet
introduction investigative ireland japan july june komnas korea law malaysia march masterplan mechanism meeting meta ministers
ministers' ministers’ moderation multi-stakeholder multinational myanmar national nations ncps needed netherlands network new no
norway november october office officials' opinion oversight pacific penh people periodic personal philippines phnom plan platform
platforms point points policies policy political principle principles prioritise privacy project protect protection push rabat
ranking rapporteur recommendations regional remedy' reports republic resource respect responsible review right rights rightscon
safely safety santa science sector-specific senior shadow singapore six society southeast special standards state
stopdigitaldictatorship strategic strategically study tech technology telecommunications thailand the toolkit transparency ungps
united universal use using vietnam washington watch what when women work working worth your zealand`;

/** Common English words that are capitalised at the start of a sentence or in titles. */
const ENGLISH = `a about according after again against all also although an and another any are as at because before being
between both but by can could despite did does during each either even every few for from further had has have having he her
here hers him his however i if in including instead into is it its just last later let many may meanwhile more most much my
neither next nor not now of on once one only or other our ours out over per perhaps please since so some still such than that
their theirs them then there these they this those though through thus to today together too two under unless until upon us
very via was we were what whatever when where whether which while who whom whose why will with within without yes yesterday yet
you dear hi hello thanks thank regards best kind subject re fwd note notes summary interview transcript source sources
quote quotes update draft final confidential annex appendix page part section chapter table figure item step phase finding
findings impact impacts recommendation recommendations ask asks issue issues concern concerns background methodology limitations
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
november december q1 q2 q3 q4 north south east west northern southern eastern western central upper lower greater
mr mrs ms dr prof sir madam
editor journalist reporter activist blogger lawyer organiser organizer teacher researcher student defender respondent participant
interviewee witness moderator officer staff member user admin director manager minister spokesperson chair chairman chairperson
president deputy secretary head representative ambassador judge prosecutor victim survivor plaintiff defendant complainant
analyst consultant volunteer coordinator founder author writer photographer youtuber influencer farmer worker
she everyone everybody nobody somebody someone anyone officials residents witnesses activists users others journalists lawyers
authorities villagers students workers protesters members family friends neighbours neighbors relatives parents colleagues
several many both neither`;

/** Words of organisations, offices, companies, mechanisms and places. */
const INSTITUTIONS = `ministry department police court courts tribunal council committee commission office union association
network foundation institute university college school hospital company companies corporation corp inc ltd llc plc co group
holdings bank news times post press daily weekly journal magazine media radio television tv agency party government republic
kingdom state states province provincial city district ward commune street road avenue village region county town capital
people's army navy security public justice interior information communications communication affairs foreign home defence
defense federal supreme high provincial municipal central standing national assembly parliament senate congress secretariat
embassy consulate mission delegation centre center clinic alliance coalition league federation movement campaign fund trust
legal initiatives programme program studies research reform solidarity voice voices youth citizen citizens open lab labs collective
library museum observatory monitor index tracker
reuters bloomberg guardian tempo kompas detik prachatai irrawaddy mizzima frontier tuoi tre vnexpress malaysiakini rappler
inquirer nikkei caixin xinhua
organization organizations organisation organisations individuals dangerous hateful harmful violent graphic behavior behaviour
misinformation disinformation spam harassment bullying hate speech integrity authenticity inauthentic coordinated advisory call
center requests terms standards program team board oversight notes christchurch
watch amnesty access article freedom house reporters borders frontline defenders defender lawyers bar labour labor
platform platforms app apps store services service online social messenger whatsapp facebook instagram youtube tiktok twitter
telegram signal zalo line google alphabet microsoft apple amazon meta bytedance tencent wechat weibo baidu alibaba huawei
viettel vnpt mobifone telkomsel indosat gojek grab shopee lazada tokopedia ais dtac true myanmar mpt ooredoo telenor atom
act acts law laws decree decision circular regulation regulations code article articles bill resolution order statute
convention charter treaty protocol agreement declaration report reports review upr ncp oecd asean un unesco unicef ohchr
special rapporteur working group forum summit conference workshop webinar session dialogue roundtable consultation
cybersecurity cyber crime criminal penal civil procedure prosecution procuracy investigation inspectorate
global regional international internet digital tech technology data privacy human rights business responsible
asia pacific europe european africa african america american americas middle arab southeast eastern
vietnam vietnamese viet indonesia indonesian malaysia malaysian thailand thai cambodia cambodian laos lao myanmar burmese burma
philippines filipino singapore singaporean china chinese taiwan taiwanese japan japanese korea korean india indian
bangladesh pakistan nepal timor leste brunei mongolia australia australian geneva bangkok jakarta hanoi saigon
manila yangon mandalay naypyidaw beijing shanghai shenzhen guangzhou taipei tokyo seoul delhi dhaka london paris washington
york california brussels strasbourg kuala lumpur penang selangor sabah sarawak java jawa bali sumatra papua aceh bandung surabaya
medan yogyakarta makassar isaan pattaya phuket
english french spanish german dutch swiss norwegian british french`;

/**
 * Vietnamese, Indonesian and Malay words often capitalised at a sentence start or in names of bodies.
 * Vietnamese given names are everyday words (Thanh, Phong, Hằng, Trọng), so only words that are
 * never names are here.
 */
const REGIONAL = `theo khi sau truoc neu vi ve cua cho voi den va la da se toi chung bo uy toa nha nuoc cac
menurut pada dalam di ke dari sejak setelah sebelum kami kita mereka saya dia ia kata saat namun tetapi dan atau yang untuk
dengan ini itu juga sudah akan tidak bukan polisi kepolisian kementerian pemerintah badan dinas jalan kota kabupaten provinsi
desa kecamatan pengadilan negeri dewan majelis komisi lembaga yayasan perkumpulan aliansi gerakan universitas rumah sakit
undang ite pasal nomor tahun bulan hari senin selasa rabu kamis jumat sabtu minggu januari februari maret mei juni juli agustus
oktober desember akun peraturan menteri presiden gubernur bupati walikota kominfo komdigi polda polres polri
polsek metro tni dpr dprd mpr kpk kejaksaan kejati kejari lbh ylbhi safenet warga korban saksi
jurnalis wartawan independen ikatan persatuan serikat jaringan koalisi masyarakat sipil bantuan hukum nasional daerah umum kerajaan persekutuan suruhanjaya jabatan akta seksyen mahkamah tinggi polis`;

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/**
 * Vietnamese words that start the names of bodies (Đài, Hội, Sở, Bộ…), compared with their
 * diacritics: folded, several would be names (Báo is not a name, Bảo is).
 */
export const VIETNAMESE_BODY_WORDS: ReadonlySet<string> = new Set(
  'đài hội sở ủy uỷ bộ tòa toà viện báo cục phòng đảng tập truyền hình xã huyện tỉnh phường quận phố ban'.split(' '),
);

/** Folded words that never start or continue a personal name in a run of capitalised words. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...words(KB_TITLE_WORDS), ...words(ENGLISH), ...words(INSTITUTIONS), ...words(REGIONAL)]);

/**
 * Every country's and territory's name of two words or more, as the app writes it in its
 * Latin-script languages ("Hoa Kỳ", "Costa Rica", "Selandia Baru"): exports print the countries a
 * plan names in the reader's language, and users write them too. Folded; each part of "A (B)" or
 * "A & B" on its own.
 */
function countryNames(languages: readonly string[]): string[] {
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  const names = languages.flatMap((language) => {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    return codes.flatMap((code) => display.of(code) ?? []);
  });
  const phrases = names.flatMap((name) => name.split(/[()&]/)).map((part) => foldedText(part).replace(/[^\p{L}\p{N}-]+/gu, ' ').trim());
  return [...new Set(phrases.filter((phrase) => phrase.includes(' ')))];
}

/** Places and bodies written with name-like syllables; folded, matched as whole phrases. */
export const STOP_PHRASES: readonly string[] = [
  ...countryNames(['en', 'vi', 'id']),
  'viet nam', 'ha noi', 'ho chi minh', 'da nang', 'hai phong', 'can tho', 'hue', 'nha trang', 'vung tau', 'da lat', 'bien hoa',
  'thai nguyen', 'nam dinh', 'ha tinh', 'nghe an', 'thanh hoa', 'quang ninh', 'quang nam', 'quang ngai', 'binh duong', 'dong nai',
  'long an', 'tay ninh', 'ben tre', 'an giang', 'kien giang', 'ca mau', 'lam dong', 'dak lak', 'gia lai', 'kon tum', 'son la',
  'lao cai', 'dien bien', 'ha giang', 'cao bang', 'bac ninh', 'hai duong', 'hung yen', 'ninh binh', 'thai binh', 'phu tho',
  'hoan kiem', 'ba dinh', 'dong da', 'cau giay', 'tan binh', 'binh thanh', 'thu duc', 'phu nhuan',
  'phnom penh', 'siem reap', 'kuala lumpur', 'petaling jaya', 'johor bahru', 'kota kinabalu', 'chiang mai', 'chiang rai',
  'hong kong', 'trieu tien', 'new york', 'san francisco', 'menlo park', 'mountain view', 'sri lanka', 'timor leste', 'nay pyi taw',
  'titik kontak', 'pelapor khusus', 'kelompok kerja', 'hak asasi manusia', 'lien hop quoc', 'cong an', 'quoc hoi', 'chinh phu', 'toa an', 'vien kiem sat', 'bao cao vien', 'nhan dan', 'mat tran',
  'mae sot', 'mae hong son', 'mae sai', 'tachileik', 'myawaddy', 'hpa an', 'hpa-an', 'lashio', 'myitkyina', 'sittwe', 'aung san', 'hat yai', 'khon kaen', 'nakhon ratchasima', 'ubon ratchathani', 'phra nakhon',
];
