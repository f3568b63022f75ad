// The demo register of the Rust core (src/demo.rs), restated for the mock backend.
import type { DataItem } from '../bindings/DataItem';
import type { HoldingInput } from '../bindings/HoldingInput';
import type { OrganisationInput } from '../bindings/OrganisationInput';
import type { RetentionRule } from '../bindings/RetentionRule';
import type { RetentionTrigger } from '../bindings/RetentionTrigger';

export const DEMO_ORGANISATION: OrganisationInput = {
  name: 'みらい健康保険組合',
  address: '東京都港区芝公園四丁目2番8号 みらいビル5階',
  representative: '理事長 佐藤 一郎',
  privacyManager: '常務理事 鈴木 花子',
  requestDesk: '総務グループ 個人情報開示等請求窓口（電話 03-0000-1234、平日9時〜17時）',
  complaintDesk: '総務グループ 個人情報相談窓口（電話 03-0000-1235、privacy@mirai-kenpo.example.jp）',
  regime: 'privateOperator',
  gdprApplies: false,
};

const item = (name: string): DataItem => ({ id: null, name, sensitive: false, myNumber: false });
const sensitive = (name: string): DataItem => ({ ...item(name), sensitive: true });
const myNumber = (name: string): DataItem => ({ ...item(name), myNumber: true });

const retention = (years: number, trigger: RetentionTrigger, legalBasis: string): RetentionRule => ({
  years,
  months: 0,
  trigger,
  triggerNote: '',
  legalBasis,
});

function base(name: string, department: string, businessProcess: string): HoldingInput {
  return {
    ledgerNo: '',
    name,
    department,
    businessProcess,
    manager: '業務グループ長',
    dataItems: [item('氏名'), item('生年月日'), item('性別'), item('被保険者記号・番号')],
    personsRecorded: '被保険者及び被扶養者',
    approxCount: 42000,
    acquisitionMethod: 'directWritten',
    acquisitionSources: ['本人（事業主経由の届出書）'],
    purposes: ['保険給付の実施'],
    purposeNotice: ['published'],
    consent: 'notRequired',
    consentNote: '',
    medium: 'electronic',
    storagePlace: '基幹システム（データセンター、東京都）',
    storageMethod: 'アクセス制御されたサーバ、通信・保存時暗号化',
    accessHolders: ['業務グループ担当者', 'システム管理者'],
    useDeadline: '資格喪失後、給付の時効まで',
    retention: retention(5, 'leavingService', '健康保険法施行規則'),
    disposalMethod: 'erasureSoftware',
    disposalNote: '',
    retainedPersonalData: true,
    lastReview: '2026-04-15',
    nextReview: '2027-04-15',
    fileRegister: { regularRecipients: [], exemption: '', withheldItems: [], specialProcedure: '' },
    numberAffairs: [],
    numberMasking: null,
    notes: '',
  };
}

export function demoHoldings(): HoldingInput[] {
  return [
    {
      ...base('被保険者・被扶養者台帳', '適用グループ', '資格管理'),
      dataItems: [
        item('氏名'),
        item('生年月日'),
        item('性別'),
        item('住所'),
        item('被保険者記号・番号'),
        item('資格取得・喪失年月日'),
        item('標準報酬月額'),
        myNumber('個人番号'),
      ],
      acquisitionSources: ['事業主（資格取得届）', '本人（被扶養者異動届）'],
      purposes: [
        '被保険者の資格の取得・喪失の確認',
        '保険料の徴収及び標準報酬の決定',
        '個人番号関係事務（資格確認、地方公共団体等との情報連携）',
      ],
      retention: retention(7, 'leavingService', '番号法第20条、健康保険法施行規則'),
    },
    {
      ...base('診療報酬明細書（レセプト）データ', '給付グループ', 'レセプト点検'),
      dataItems: [
        item('氏名'),
        item('被保険者記号・番号'),
        item('医療機関名'),
        sensitive('傷病名'),
        sensitive('診療内容'),
        item('診療報酬点数'),
      ],
      acquisitionMethod: 'thirdParty',
      acquisitionSources: ['社会保険診療報酬支払基金', '保険医療機関'],
      purposes: [
        'レセプト点検及び医療費の支払',
        '医療費通知の作成',
        '高額療養費の共同事業への申請（健康保険組合連合会）',
      ],
      approxCount: 510000,
    },
    {
      ...base('特定健診・特定保健指導データ', '保健事業グループ', '特定健診'),
      dataItems: [
        item('氏名'),
        item('生年月日'),
        item('被保険者記号・番号'),
        sensitive('健診結果（検査値）'),
        sensitive('問診結果'),
        sensitive('保健指導の記録'),
      ],
      acquisitionMethod: 'mixed',
      acquisitionSources: ['健診機関', '事業主（労働安全衛生法に基づく定期健診）'],
      purposes: [
        '特定健康診査・特定保健指導の実施',
        '事業主との共同利用による被保険者の健康管理',
        '生活習慣病予防のための保健事業',
      ],
      purposeNotice: ['published', 'notified'],
      approxCount: 28000,
      retention: retention(5, 'acquisition', '高齢者の医療の確保に関する法律'),
    },
    {
      ...base('療養費等支給申請書', '給付グループ', '現金給付'),
      dataItems: [item('氏名'), item('住所'), item('電話番号'), item('振込先口座'), sensitive('療養の内容')],
      medium: 'both',
      storagePlace: '事務所 書庫（施錠）、基幹システム',
      storageMethod: '申請書原本は施錠キャビネット、画像はアクセス制御されたサーバ',
      purposes: ['療養費・高額療養費・付加給付の支給'],
      approxCount: 6500,
      disposalMethod: 'outsourced',
      disposalNote: '機密文書溶解処理業者に委託し、溶解証明書を受領',
    },
    {
      ...base('健康相談窓口記録', '保健事業グループ', '健康相談'),
      dataItems: [item('氏名'), item('連絡先'), sensitive('相談内容（健康状態）'), item('対応記録')],
      personsRecorded: '健康相談窓口の利用者（被保険者、被扶養者）',
      approxCount: 900,
      acquisitionMethod: 'directOther',
      acquisitionSources: ['本人（電話・ウェブ相談）'],
      purposes: ['健康相談への対応', '相談窓口の運営改善（統計化して利用）'],
      purposeNotice: ['explicitlyShown'],
      consent: 'obtained',
      consentNote: '相談受付時に口頭及び画面で同意を取得',
      retention: retention(3, 'lastUse', '組合文書管理規程'),
    },
    {
      ...base('ウェブサイト問合せ記録', '総務グループ', '広報・問合せ対応'),
      dataItems: [item('氏名'), item('メールアドレス'), item('問合せ内容')],
      personsRecorded: 'ウェブサイトからの問合せ者',
      approxCount: 1200,
      acquisitionMethod: 'directOther',
      acquisitionSources: ['本人（ウェブフォーム）'],
      purposes: ['問合せへの回答'],
      purposeNotice: ['explicitlyShown'],
      retention: retention(1, 'purposeAchieved', '組合文書管理規程'),
      lastReview: '2025-03-01',
      nextReview: '2026-03-01',
    },
    {
      ...base('職員人事・給与ファイル', '総務グループ', '人事給与'),
      dataItems: [
        item('氏名'),
        item('住所'),
        item('職歴'),
        item('給与額'),
        myNumber('個人番号'),
        sensitive('健康診断結果'),
      ],
      personsRecorded: '組合職員',
      approxCount: 45,
      acquisitionSources: ['本人'],
      purposes: ['人事・給与・労務管理', '源泉徴収・社会保険手続（個人番号関係事務）'],
      purposeNotice: ['notified'],
      medium: 'both',
      storagePlace: '総務グループ 施錠書庫、人事給与システム',
      accessHolders: ['総務グループ長', '人事担当者'],
      useDeadline: '退職まで',
      retention: retention(7, 'leavingService', '労働基準法第109条、番号法'),
      disposalMethod: 'shredding',
    },
    {
      ...base('事業主共同健診データ', '保健事業グループ', '共同健診'),
      dataItems: [item('氏名'), item('事業所名'), sensitive('健診結果の数値'), item('法定検査項目')],
      personsRecorded: '被保険者（従業員）',
      approxCount: 30000,
      acquisitionMethod: 'thirdParty',
      acquisitionSources: ['事業主'],
      purposes: ['事業主との共同健診事業における健康管理'],
      purposeNotice: ['published'],
      retention: null,
      disposalMethod: null,
      accessHolders: [],
      notes: '保管期限と廃棄方法は事業主との協議中（年次点検で要確認）',
      lastReview: null,
      nextReview: null,
    },
  ];
}
