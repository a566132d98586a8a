// Every visible string, in English and Nepali. The English words of controls are the accessible
// names the API contract fixes (../shared/api-contract.md, "Web app"): change them there first.
import { signal } from "./state";

export type Lang = "en" | "ne";

const en = {
  appName: "carebridge",
  tagline: "See your doctor from home.",
  language: "Language",
  signIn: "Sign in",
  signOut: "Sign out",
  email: "Email",
  password: "Password",
  hospital: "Hospital",
  hospitalHint: "Your hospital's short name, e.g. kathmandu-valley",
  createAnAccount: "Create an account",
  createAccount: "Create account",
  fullName: "Full name",
  passwordHint: "At least 12 characters.",
  haveAccount: "Already registered? Sign in",
  code: "Authentication code",
  codeHint: "The six digits your authenticator app shows now.",
  verify: "Verify",
  useRecovery: "Use a recovery code",
  useCode: "Use a code from the app",
  recoveryCode: "Recovery code",
  secondStep: "Two-factor sign-in",
  secondStepText: "Enter the code from your authenticator app to finish signing in.",
  findADoctor: "Find a doctor",
  myAppointments: "My appointments",
  appointments: "Appointments",
  security: "Security",
  search: "Search by name or specialty",
  book: "Book",
  noDoctors: "No doctor matches.",
  freeSlots: "Free times",
  slotsIn: "Times are in your time zone",
  noSlots: "No free time in the next 7 days.",
  earlier: "Earlier days",
  later: "Later days",
  reason: "Reason",
  reasonHint: "A few words for the doctor. Only the doctor and the hospital see it.",
  requestAppointment: "Request appointment",
  chosenTime: "Chosen time",
  requested: "Your appointment is booked.",
  noAppointments: "No appointments yet.",
  approve: "Approve",
  reject: "Reject",
  pay: "Pay",
  payNoLink: "The payment provider gave no page to pay on. Try again in a moment.",
  paymentChecking: "Checking your payment…",
  paymentDone: "Payment received: your appointment is confirmed.",
  paymentPending: "Your payment is still being confirmed. This list updates when it is.",
  paymentNotDone: "The payment was not completed. You can pay again.",
  rejectReason: "Reason for rejecting",
  loading: "Loading…",
  retry: "Try again",
  twoFactor: "Two-factor sign-in",
  twoFactorIntro:
    "A code from an authenticator app on your phone, asked after your password, keeps your account safe even if the password is stolen.",
  twoFactorRequired: "Your hospital requires two-factor sign-in for staff. Set it up to continue.",
  setUp: "Set up two-factor sign-in",
  scan: "Scan this code with your authenticator app, or type the key below into it.",
  key: "Key",
  turnOn: "Turn on",
  isOn: "Two-factor sign-in is on for this account.",
  recoveryTitle: "Your recovery codes",
  recoveryText:
    "Each code works once instead of an app code, if you lose your phone. Keep them somewhere safe: they are shown only now.",
  savedCodes: "I have saved these codes",
  sessionEnded: "Your session ended. Sign in again to continue.",
  welcome: "Welcome",
  status: {
    requested: "requested",
    awaiting_payment: "awaiting payment",
    confirmed: "confirmed",
    in_progress: "in progress",
    completed: "completed",
    rejected: "rejected",
    cancelled: "cancelled",
    no_show: "no-show",
  } as Record<string, string>,
  with: "with",
  patient: "Patient",
  hospitals: "Hospitals",
  onboardHospital: "Onboard hospital",
  name: "Name",
  slug: "Slug",
  slugHint: "Lower-case letters, digits and dashes: the hospital's short name in sign-in.",
  timeZone: "Time zone",
  currency: "Currency",
  appointmentFee: "Appointment fee",
  feeHint: "In the currency's main unit, e.g. 800 for NPR 800.00.",
  paymentProvider: "Payment provider",
  noPayment: "No online payment",
  adminName: "Admin name",
  adminEmail: "Admin email",
  adminPassword: "Admin password",
  createHospital: "Create hospital",
  suspend: "Suspend",
  reactivate: "Reactivate",
  suspended: "suspended",
  staff: "Staff",
  addStaff: "Add staff member",
  doctors: "Doctors",
  role: "Role",
  roleDoctor: "Doctor",
  roleAdmin: "Hospital admin",
  specialization: "Specialization",
  licence: "Licence number",
  add: "Add",
  messages: "Messages",
  noConversations: "No conversations yet.",
  doctor: "Doctor",
  openConversation: "Open conversation",
  notOnCareTeam: "You can write to each other once the doctor has taken on an appointment with the patient.",
  allConversations: "All conversations",
  message: "Message",
  send: "Send",
  unread: (n: number) => `${n} unread`,
  availability: "Availability",
  availabilityIntro: "Your weekly hours, in your time zone. Patients see free times in theirs.",
  slotMinutes: "Visit length (minutes)",
  bufferMinutes: "Break after each visit (minutes)",
  weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  hours: "hours",
  rangeHint: "Times as 09:00-13:00, several separated by commas; empty means closed.",
  exceptions: "Days off and other hours",
  exceptionHint: "One date per line: 2026-12-25 for a day off, 2026-12-26 10:00-12:00 for other hours that day.",
  save: "Save",
  saved: "Saved. Patients see the new free times now.",
  notADoctor: "Only doctors have hours to set.",
  notFound: "This page does not exist.",
  home: "Home",
  skip: "Skip to content",
};

export type Strings = typeof en;

const ne: Strings = {
  appName: "carebridge",
  tagline: "घरबाटै आफ्नो डाक्टरलाई भेट्नुहोस्।",
  language: "भाषा",
  signIn: "साइन इन",
  signOut: "साइन आउट",
  email: "इमेल",
  password: "पासवर्ड",
  hospital: "अस्पताल",
  hospitalHint: "तपाईंको अस्पतालको छोटो नाम, जस्तै kathmandu-valley",
  createAnAccount: "खाता बनाउनुहोस्",
  createAccount: "खाता बनाउनुहोस्",
  fullName: "पूरा नाम",
  passwordHint: "कम्तीमा १२ अक्षर।",
  haveAccount: "पहिले नै दर्ता हुनुहुन्छ? साइन इन गर्नुहोस्",
  code: "प्रमाणीकरण कोड",
  codeHint: "तपाईंको प्रमाणीकरण एपले अहिले देखाएको छ अङ्क।",
  verify: "पुष्टि गर्नुहोस्",
  useRecovery: "रिकभरी कोड प्रयोग गर्नुहोस्",
  useCode: "एपको कोड प्रयोग गर्नुहोस्",
  recoveryCode: "रिकभरी कोड",
  secondStep: "दुई-चरण साइन इन",
  secondStepText: "साइन इन पूरा गर्न प्रमाणीकरण एपको कोड लेख्नुहोस्।",
  findADoctor: "डाक्टर खोज्नुहोस्",
  myAppointments: "मेरा अपोइन्टमेन्टहरू",
  appointments: "अपोइन्टमेन्टहरू",
  security: "सुरक्षा",
  search: "नाम वा विशेषज्ञताबाट खोज्नुहोस्",
  book: "बुक गर्नुहोस्",
  noDoctors: "कुनै डाक्टर मिलेनन्।",
  freeSlots: "खाली समय",
  slotsIn: "समय तपाईंको समय क्षेत्रमा छन्",
  noSlots: "आउँदो ७ दिनमा खाली समय छैन।",
  earlier: "अघिल्ला दिन",
  later: "पछिल्ला दिन",
  reason: "कारण",
  reasonHint: "डाक्टरका लागि केही शब्द। डाक्टर र अस्पतालले मात्र देख्छन्।",
  requestAppointment: "अपोइन्टमेन्ट अनुरोध गर्नुहोस्",
  chosenTime: "छानिएको समय",
  requested: "तपाईंको अपोइन्टमेन्ट बुक भयो।",
  noAppointments: "अहिलेसम्म कुनै अपोइन्टमेन्ट छैन।",
  approve: "स्वीकृत गर्नुहोस्",
  reject: "अस्वीकार गर्नुहोस्",
  pay: "भुक्तानी गर्नुहोस्",
  payNoLink: "भुक्तानी प्रदायकले भुक्तानी पृष्ठ दिएन। केही बेरमा फेरि प्रयास गर्नुहोस्।",
  paymentChecking: "तपाईंको भुक्तानी जाँच हुँदैछ…",
  paymentDone: "भुक्तानी प्राप्त भयो: तपाईंको अपोइन्टमेन्ट पुष्टि भयो।",
  paymentPending: "तपाईंको भुक्तानी पुष्टि हुँदैछ। पुष्टि भएपछि यो सूची अद्यावधिक हुन्छ।",
  paymentNotDone: "भुक्तानी पूरा भएन। फेरि भुक्तानी गर्न सक्नुहुन्छ।",
  rejectReason: "अस्वीकारको कारण",
  loading: "लोड हुँदैछ…",
  retry: "फेरि प्रयास गर्नुहोस्",
  twoFactor: "दुई-चरण साइन इन",
  twoFactorIntro:
    "पासवर्डपछि सोधिने फोनको प्रमाणीकरण एपको कोडले पासवर्ड चोरी भए पनि खाता सुरक्षित राख्छ।",
  twoFactorRequired: "तपाईंको अस्पतालले कर्मचारीका लागि दुई-चरण साइन इन अनिवार्य गरेको छ। अघि बढ्न सेट अप गर्नुहोस्।",
  setUp: "दुई-चरण साइन इन सेट अप गर्नुहोस्",
  scan: "यो कोड प्रमाणीकरण एपले स्क्यान गर्नुहोस्, वा तलको कुञ्जी टाइप गर्नुहोस्।",
  key: "कुञ्जी",
  turnOn: "सक्रिय गर्नुहोस्",
  isOn: "यस खातामा दुई-चरण साइन इन सक्रिय छ।",
  recoveryTitle: "तपाईंका रिकभरी कोडहरू",
  recoveryText:
    "फोन हराएमा हरेक कोड एक पटक एपको कोडको सट्टा चल्छ। सुरक्षित ठाउँमा राख्नुहोस्: यी अहिले मात्र देखिन्छन्।",
  savedCodes: "मैले यी कोडहरू राखेँ",
  sessionEnded: "तपाईंको सत्र सकियो। जारी राख्न फेरि साइन इन गर्नुहोस्।",
  welcome: "स्वागत छ",
  status: {
    requested: "अनुरोध गरिएको",
    awaiting_payment: "भुक्तानी पर्खँदै",
    confirmed: "पुष्टि भएको",
    in_progress: "चलिरहेको",
    completed: "सम्पन्न",
    rejected: "अस्वीकृत",
    cancelled: "रद्द",
    no_show: "उपस्थित नभएको",
  },
  with: "सँग",
  patient: "बिरामी",
  hospitals: "अस्पतालहरू",
  onboardHospital: "अस्पताल थप्नुहोस्",
  name: "नाम",
  slug: "छोटो नाम",
  slugHint: "साना अक्षर, अङ्क र ड्यास: साइन इनमा प्रयोग हुने अस्पतालको छोटो नाम।",
  timeZone: "समय क्षेत्र",
  currency: "मुद्रा",
  appointmentFee: "अपोइन्टमेन्ट शुल्क",
  feeHint: "मुद्राको मुख्य एकाइमा, जस्तै रु ८०० का लागि 800।",
  paymentProvider: "भुक्तानी प्रदायक",
  noPayment: "अनलाइन भुक्तानी छैन",
  adminName: "प्रशासकको नाम",
  adminEmail: "प्रशासकको इमेल",
  adminPassword: "प्रशासकको पासवर्ड",
  createHospital: "अस्पताल बनाउनुहोस्",
  suspend: "निलम्बन गर्नुहोस्",
  reactivate: "पुनः सक्रिय गर्नुहोस्",
  suspended: "निलम्बित",
  staff: "कर्मचारी",
  addStaff: "कर्मचारी थप्नुहोस्",
  doctors: "डाक्टरहरू",
  role: "भूमिका",
  roleDoctor: "डाक्टर",
  roleAdmin: "अस्पताल प्रशासक",
  specialization: "विशेषज्ञता",
  licence: "लाइसेन्स नम्बर",
  add: "थप्नुहोस्",
  messages: "सन्देशहरू",
  noConversations: "अहिलेसम्म कुनै कुराकानी छैन।",
  doctor: "डाक्टर",
  openConversation: "कुराकानी खोल्नुहोस्",
  notOnCareTeam: "डाक्टरले बिरामीको अपोइन्टमेन्ट लिएपछि मात्र एकअर्कालाई लेख्न सकिन्छ।",
  allConversations: "सबै कुराकानी",
  message: "सन्देश",
  send: "पठाउनुहोस्",
  unread: (n: number) => `${digits(String(n))} नपढिएको`,
  availability: "उपलब्ध समय",
  availabilityIntro: "तपाईंको समय क्षेत्रमा साप्ताहिक समय। बिरामीले आफ्नो समय क्षेत्रमा खाली समय देख्छन्।",
  slotMinutes: "भेटको अवधि (मिनेट)",
  bufferMinutes: "हरेक भेटपछि विश्राम (मिनेट)",
  weekdays: ["सोमबार", "मंगलबार", "बुधबार", "बिहीबार", "शुक्रबार", "शनिबार", "आइतबार"],
  hours: "को समय",
  rangeHint: "समय 09:00-13:00 जस्तो, धेरै भए अल्पविरामले छुट्याउनुहोस्; खाली भए बन्द।",
  exceptions: "बिदा र फरक समय",
  exceptionHint: "हरेक लाइनमा एउटा मिति: बिदाका लागि 2026-12-25, त्यो दिन फरक समयका लागि 2026-12-26 10:00-12:00।",
  save: "सुरक्षित गर्नुहोस्",
  saved: "सुरक्षित भयो। बिरामीले अब नयाँ खाली समय देख्छन्।",
  notADoctor: "डाक्टरको मात्र समय सेट गर्न मिल्छ।",
  notFound: "यो पृष्ठ छैन।",
  home: "गृहपृष्ठ",
  skip: "सामग्रीमा जानुहोस्",
};

const stored = (() => {
  try {
    return localStorage.getItem("carebridge.lang");
  } catch {
    return null;
  }
})();

/** The chosen language, remembered in this browser. */
export const lang = signal<Lang>(stored === "ne" ? "ne" : "en");

export function setLang(l: Lang) {
  lang.value = l;
  try {
    localStorage.setItem("carebridge.lang", l);
  } catch {
    /* private mode: the choice lasts this visit */
  }
  document.documentElement.lang = l;
}

/** The strings of the chosen language. */
export function t(): Strings {
  return lang.value === "ne" ? ne : en;
}


const NE_DIGITS = "०१२३४५६७८९";
const NE_WEEKDAYS = ["आइतबार", "सोमबार", "मंगलबार", "बुधबार", "बिहीबार", "शुक्रबार", "शनिबार"];
const NE_MONTHS = [
  "जनवरी", "फेब्रुअरी", "मार्च", "अप्रिल", "मे", "जुन",
  "जुलाई", "अगस्ट", "सेप्टेम्बर", "अक्टोबर", "नोभेम्बर", "डिसेम्बर",
];

/** Digits in the chosen language's numerals. */
export function digits(text: string): string {
  return lang.value === "ne" ? text.replace(/[0-9]/g, (d) => NE_DIGITS[Number(d)]!) : text;
}

/** `HH:MM`, 24-hour, in the browser's time zone. */
export function clock(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/**
 * A day as people say it ("Thursday 3 December"), with the time when `withTime`. Nepali is
 * written out here rather than by `Intl`, whose Nepali data not every browser carries.
 */
export function day(d: Date, withTime = false): string {
  if (lang.value === "ne") {
    const text = `${NE_WEEKDAYS[d.getDay()]}, ${NE_MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
    return digits(withTime ? `${text}, ${clock(d)}` : text);
  }
  const date = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(d);
  return withTime ? `${date}, ${clock(d)}` : date;
}

