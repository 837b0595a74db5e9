/**
 * Hand-kept agency table of Plan 142: every body named in the text, with every spelling met as an alias.
 * The extraction script derives ids from the Vietnamese names and checks every agency cell against this table.
 */
import type { AgencyKind } from "../../src/model/entities.js";

export interface AgencySeed {
  vi: string;
  en: string;
  kind: AgencyKind;
  /** Other spellings met in the text (the name itself is added). */
  aliases?: string[];
}

export const agencySeeds: AgencySeed[] = [
  { vi: "Ủy ban nhân dân thành phố", en: "City People's Committee", kind: "peoplesCommittee", aliases: ["Ủy ban nhân dân thành phố Hải Phòng"] },
  { vi: "Sở Khoa học và Công nghệ", en: "Department of Science and Technology", kind: "department", aliases: ["Khoa học và Công nghệ", "Sở KHCN"] },
  { vi: "Sở Tài chính", en: "Department of Finance", kind: "department" },
  { vi: "Kế hoạch và Đầu tư", en: "Department of Planning and Investment", kind: "department" },
  { vi: "Sở Nội vụ", en: "Department of Home Affairs", kind: "department", aliases: ["Sở Nội Vụ"] },
  { vi: "Sở Giáo dục và Đào tạo", en: "Department of Education and Training", kind: "department", aliases: ["Sở Giáo dục và đào tạo"] },
  { vi: "Sở Y tế", en: "Department of Health", kind: "department" },
  { vi: "Sở Xây dựng", en: "Department of Construction", kind: "department" },
  { vi: "Sở Tư pháp", en: "Department of Justice", kind: "department" },
  { vi: "Sở Ngoại vụ", en: "Department of Foreign Affairs", kind: "department" },
  { vi: "Sở Công thương", en: "Department of Industry and Trade", kind: "department" },
  { vi: "Sở Văn hóa, Thể thao và Du lịch", en: "Department of Culture, Sports and Tourism", kind: "department" },
  {
    vi: "Sở Nông nghiệp và Môi trường",
    en: "Department of Agriculture and Environment",
    kind: "department",
    aliases: ["Sở Nông nghiệp và Tài nguyên"],
  },
  { vi: "Văn phòng UBND Thành phố", en: "Office of the City People's Committee", kind: "office" },
  { vi: "Công an thành phố", en: "City Police", kind: "police" },
  {
    vi: "Ngân hàng Nhà nước thành phố",
    en: "State Bank of Vietnam, city branch",
    kind: "bank",
    aliases: ["Ngân hàng Nhà nước Việt Nam thành ph ố"],
  },
  { vi: "Ban Quản lý Khu kinh tế", en: "Economic Zone Authority", kind: "authority", aliases: ["Ban Quản lý Khu kinh tế thành phố"] },
  { vi: "Trung tâm Báo chí và Truyền thông", en: "Press and Communication Centre", kind: "publicUnit" },
  { vi: "Vườn Quốc gia Cát Bà", en: "Cat Ba National Park", kind: "publicUnit" },
  { vi: "Thư viện Thành phố", en: "City Library", kind: "publicUnit" },
  { vi: "Trường Đại học Hải Phòng", en: "Hai Phong University", kind: "university", aliases: ["Đại học Hải Phòng"] },
  { vi: "Ủy ban MTTQ Việt nam thành phố", en: "City Committee of the Vietnam Fatherland Front", kind: "organisation" },
  {
    vi: "Ủy ban nhân dân các cấp chính quyền địa phương",
    en: "People's Committees of all local government levels",
    kind: "localGovernment",
    aliases: ["UBND các cấp chính quyền địa phương", "Các cấp chính quyền địa phương"],
  },
  {
    vi: "Các sở, ban, ngành, UBND các cấp chính quyền địa phương, các đơn vị liên quan",
    en: "Departments, boards and sectors, People's Committees of all local government levels, and related units",
    kind: "collective",
    aliases: [
      "Các sở, ban, ngành, UBND các cấp chính quyền địa phương, các đơn vị",
      "Các Sở, ban, ngành; UBND các cấp chính quyền địa phương và đơn vị liên quan",
      "các Sở, ban, ngành; UBND các cấp chính quyền địa phương và đơn vị liên quan",
      "các sở, ban, ngành; UBND các cấp chính quyền địa phương và đơn vị liên quan",
    ],
  },
  { vi: "Các Sở, ban, ngành, địa phương, đơn vị", en: "Departments, boards, sectors, localities and units", kind: "collective" },
  { vi: "Các cấp chính quyền, các sở, ngành, đơn vị", en: "All levels of government, departments, sectors and units", kind: "collective" },
  { vi: "các cấp chính quyền, đơn vị", en: "All levels of government and units", kind: "collective" },
  { vi: "Các Sở, ngành; địa phương; đơn vị", en: "Departments and sectors; localities; units", kind: "collective" },
  {
    vi: "Các Sở, ngành; Các cấp chính quyền địa phương, đơn vị",
    en: "Departments and sectors; local government levels and units",
    kind: "collective",
  },
  { vi: "các sở, ngành", en: "Departments and sectors", kind: "collective" },
  { vi: "các sở ban ngành", en: "Departments, boards and sectors", kind: "collective" },
  {
    vi: "Các trường Đại học, Cao đẳng của Thành phố",
    en: "The city's universities and colleges",
    kind: "collective",
    aliases: ["Các Trường Đại học, Cao đẳng của Thành phố", "Các trường Đại học, Cao đẳng của thành phố"],
  },
  { vi: "các tổ chức chính trị-xã hội", en: "Socio-political organisations", kind: "collective" },
  { vi: "các đoàn thể", en: "Mass organisations", kind: "collective" },
  { vi: "các đơn vị", en: "Units", kind: "collective" },
  { vi: "các đơn vị liên quan", en: "Related units", kind: "collective" },
  {
    vi: "các cơ quan truyền thông, thông tấn báo chí",
    en: "Media, news agencies and the press",
    kind: "collective",
    aliases: ["các cơ quan truyền thông, báo chí"],
  },
  {
    vi: "Các cơ quan Đảng, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thành phố",
    en: "City Party agencies, the Vietnam Fatherland Front and socio-political organisations",
    kind: "collective",
  },
];
