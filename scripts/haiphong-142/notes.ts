/**
 * Every slip of the source that the dataset reads around, with how it is read. `vi`, where given, quotes
 * the source verbatim.
 */
import type { DataNote } from "../../src/model/entities.js";

export const dataNotes: DataNote[] = [
  {
    id: "pl2-19-missing-cell",
    about: ["PL2-19"],
    kind: "missingCell",
    text: {
      en: 'Appendix 2 row 19 has four target cells for five milestone years ("-", "≥ 95%", "100%", "-"). The cells are read in column order as 2025 to 2040, which agrees with Appendix 1 row 36.4 (95% by 2030); no 2045 target is recorded rather than one guessed.',
    },
  },
  {
    id: "pl2-41-missing-percent-sign",
    about: ["PL2-41"],
    kind: "missingUnitSign",
    text: {
      en: 'The 2030 target of Appendix 2 row 41 is written "≥ 25" without the % sign of the other years of the row; it is read as at least 25%.',
    },
  },
  {
    id: "pl2-17-pl2-21-duplicate",
    about: ["PL2-17", "PL2-21"],
    kind: "duplicate",
    text: {
      en: "Appendix 2 rows 17 and 21 name the same indicator (general-education schools teaching STEM and research) with different targets: row 17 sets at least 80% for 2025, row 21 sets 100% for 2030. Both rows are kept as separate indicators.",
    },
  },
  {
    id: "pl1-horizon-repeats",
    about: ["PL1-7", "PL1-40", "PL1-10", "PL1-37", "PL1-25", "PL1-41", "PL1-36.1", "PL1-43", "PL1-36.4", "PL1-44", "PL1-36.5", "PL1-45"],
    kind: "duplicate",
    text: {
      en: "Appendix 1 lists some indicators twice, once for 2030 (part I) and once for 2045 (part II): rows 7 and 40, 10 and 37, 25 and 41, 36.1 and 43, 36.4 and 44, 36.5 and 45. They are kept as separate indicators, one per horizon.",
    },
  },
  {
    id: "t-5-18-repeats-t-5-1",
    about: ["T-5.1", "T-5.18"],
    kind: "duplicate",
    text: {
      en: "Task 5.18 repeats word for word the second and third sentences of task 5.1, with a different lead and output in Appendix 4. Both are kept as separate tasks.",
    },
  },
  {
    id: "t-1-3-covers-t-1-8",
    about: ["T-1.3", "T-1.8"],
    kind: "duplicate",
    text: {
      vi: "Nghiên cứu đề xuất ban hành quy tắc ứng xử trên môi trường số cho cán bộ, công chức, viên chức, người lao động.",
      en: "The Appendix 4 row of task 1.3 adds a sentence on a code of conduct in the digital environment, which is the subject of task 1.8 too; both tasks keep their own rows.",
    },
  },
  {
    id: "state-bank-stray-space",
    about: ["ngan-hang-nha-nuoc-thanh-pho", "PL1-30"],
    kind: "variantSpelling",
    text: {
      vi: "Ngân hàng Nhà nước Việt Nam thành ph ố",
      en: 'Appendix 1 row 30 names its lead "Ngân hàng Nhà nước Việt Nam thành ph ố", with a stray space inside "phố"; row 12 writes "Ngân hàng Nhà nước thành phố". Both are read as the State Bank\'s city branch.',
    },
  },
  {
    id: "agriculture-department-name",
    about: ["so-nong-nghiep-va-moi-truong", "T-3.7"],
    kind: "variantSpelling",
    text: {
      vi: "Sở Nông nghiệp và Tài nguyên",
      en: 'The Appendix 4 row of task 3.7 names "Sở Nông nghiệp và Tài nguyên" (Agriculture and Natural Resources); everywhere else the text names "Sở Nông nghiệp và Môi trường" (Agriculture and Environment), which this row is read as.',
    },
  },
  {
    id: "agency-spelling-variants",
    about: [
      "so-noi-vu",
      "so-giao-duc-va-dao-tao",
      "truong-dai-hoc-hai-phong",
      "ban-quan-ly-khu-kinh-te",
      "cac-truong-dai-hoc-cao-dang-cua-thanh-pho",
      "T-2.12",
      "T-4.4",
      "T-4.7",
      "T-7.3",
    ],
    kind: "variantSpelling",
    text: {
      en: 'Some agencies are written in more than one way: "Sở Nội Vụ" (task 2.12) for Sở Nội vụ, "Sở Giáo dục và đào tạo" (4.4, 4.7) for Sở Giáo dục và Đào tạo, "Đại học Hải Phòng" (4.7) for Trường Đại học Hải Phòng, "Ban Quản lý Khu kinh tế thành phố" (7.3) for Ban Quản lý Khu kinh tế, and the city\'s universities and colleges with "Trường" and "thành phố" in either case. Each spelling is kept as an alias of one agency.',
    },
  },
  {
    id: "pl1-15-elided-department-names",
    about: ["PL1-15", "ke-hoach-va-dau-tu"],
    kind: "elidedName",
    text: {
      vi: "Sở Tài chính, Kế hoạch và Đầu tư, Khoa học và Công nghệ",
      en: 'Appendix 1 row 15 lists its leads as "Sở Tài chính, Kế hoạch và Đầu tư, Khoa học và Công nghệ", writing "Sở" (Department) once for three departments; it is read as the Departments of Finance, of Planning and Investment, and of Science and Technology. The Department of Planning and Investment is named nowhere else in the plan, so its name is kept as written, without "Sở".',
    },
  },
  {
    id: "pl1-24-missing-separator",
    about: ["PL1-24"],
    kind: "missingSeparator",
    text: {
      vi: "Sở Khoa học và Công nghệ UBND các cấp chính quyền địa phương",
      en: "Appendix 1 row 24 runs its two leads together with no comma: read as the Department of Science and Technology and the People's Committees of all local government levels.",
    },
  },
  {
    id: "pl1-23-no-unit",
    about: ["PL1-23"],
    kind: "missingCell",
    text: {
      en: "Appendix 1 row 23 (digital infrastructure) has no unit cell. Its target is a description, read as a qualitative target; its sub-rows 23.1 and 23.2 carry the measurable targets.",
    },
  },
  {
    id: "missing-appendix-4-rows",
    about: ["T-6.6", "T-7.6", "T-7.7"],
    kind: "missingRow",
    text: {
      en: "Tasks 6.6, 7.6 and 7.7 of section B.II have no row in Appendix 4, so the plan names no lead, coordinating agency, output or deadline for them. The dataset leaves those fields empty.",
    },
  },
  {
    id: "t-1-1-no-coordinating-cell",
    about: ["T-1.1"],
    kind: "missingCell",
    text: {
      en: 'The Appendix 4 row of task 1.1 has one agency cell instead of two; "Các Sở, ban, ngành, địa phương, đơn vị" is read as the lead, and the task has no coordinating agency.',
    },
  },
  {
    id: "t-5-18-no-coordinating-cell",
    about: ["T-5.18"],
    kind: "missingCell",
    text: {
      en: 'The Appendix 4 row of task 5.18 has one agency cell instead of two; "Các Sở, ban, ngành; UBND các cấp chính quyền địa phương và đơn vị liên quan" is read as the lead, and the task has no coordinating agency.',
    },
  },
  {
    id: "deadlines-before-signing",
    about: ["T-1.1", "NQ71-7", "NQ71-92"],
    kind: "deadlineBeforeSigning",
    text: {
      en: 'Three deadlines had passed when the plan was signed on 9 June 2025: task 1.1 ("4/2025"), NQ71 task 7 ("Tháng 3/2025") and NQ71 task 92 ("Tháng 5/2025"). They are kept as written.',
    },
  },
  {
    id: "appendix-3-no-part-iv",
    about: ["PL3-III", "PL3-V"],
    kind: "numberingGap",
    text: { en: "Appendix 3 numbers its parts I, II, III, V and VI: there is no part IV." },
  },
  {
    id: "appendix-3-merged-cells",
    about: ["NQ57-11", "NQ57-18", "NQ57-19", "NQ57-20", "NQ71-79", "NQ71-147.8", "NQ71-147.11", "NQ71-154"],
    kind: "mergedCell",
    text: {
      en: "In Appendix 3, items 11, 18, 19 and 20 have one text where the table has two columns (the NQ57 task and the corresponding NQ71 task). The text is read as spanning both: it is the title of the item and of its task.",
    },
  },
  {
    id: "nq57-7-8-abridged",
    about: ["NQ57-7-8"],
    kind: "truncatedText",
    text: {
      vi: "Khẩn trương sửa đổi, bổ sung, hoàn thiện đồng bộ các quy định pháp luật… đơn giản hoá tối đa các thủ tục hành chính",
      en: "The text of NQ57 item 7-8 is abridged with an ellipsis in the source; kept as written.",
    },
  },
  {
    id: "nq71-92-result-cut-off",
    about: ["NQ71-92"],
    kind: "truncatedText",
    text: {
      vi: "Khắc phục lỗ hổng bảo mật...",
      en: 'The result cell of NQ71 task 92 ends in "..." after a few words; kept as written.',
    },
  },
  {
    id: "lead-also-coordinating",
    about: ["T-3.1", "T-5.19", "T-8"],
    kind: "leadAlsoCoordinating",
    text: {
      en: "Tasks 3.1 and 5.19 name their lead again first among the coordinating agencies (Sở Tài chính; Công an thành phố), and task 8 gives the same collective as lead and as coordinating agencies. The lists are kept as written.",
    },
  },
  {
    id: "trailing-commas-in-lead-cells",
    about: ["NQ71-147.11", "NQ71-173", "T-4.12"],
    kind: "typo",
    text: {
      en: "Some agency cells end with a stray comma or semicolon (Appendix 3 rows 147 (11) and 173, the coordinating cell of task 4.12); the separator is ignored.",
    },
  },
  {
    id: "pl2-12-unclosed-parenthesis",
    about: ["PL2-12"],
    kind: "typo",
    text: { en: "The name of Appendix 2 row 12 opens a parenthesis it never closes; kept as written." },
  },
  {
    id: "pl2-43-doubled-word",
    about: ["PL2-43"],
    kind: "typo",
    text: { vi: "hoặc hoặc", en: 'The name of Appendix 2 row 43 repeats the word "hoặc" (or); kept as written.' },
  },
  {
    id: "t-3-15-doubled-word",
    about: ["T-3.15"],
    kind: "typo",
    text: { vi: "cho cho", en: 'Task 3.15 repeats the word "cho" (for), in section B and in Appendix 4; kept as written.' },
  },
  {
    id: "nq71-82-doubled-word",
    about: ["NQ71-82"],
    kind: "typo",
    text: { vi: "khu khu", en: 'NQ71 task 82 repeats the word "khu" (zone); kept as written.' },
  },
  {
    id: "t-8-citation-slips",
    about: ["T-8"],
    kind: "typo",
    text: {
      vi: "312-KL/TI",
      en: 'Task 8 in section B cites "Kết luận số 312-KL/TI" at its end where its first mention and Appendix 4 write 312-KL/TU, and repeats "của" (of) in "của của"; kept as written.',
    },
  },
  {
    id: "t-5-26-2-missing-diacritic",
    about: ["T-5.26.2"],
    kind: "typo",
    text: { vi: "đơn vi", en: 'The Appendix 4 text of task 5.26, second bullet, writes "đơn vi" for "đơn vị" (unit); kept as written.' },
  },
  {
    id: "t-1-4-stray-quote",
    about: ["T-1.4"],
    kind: "typo",
    text: { en: "The Appendix 4 text of task 1.4 ends with a closing quotation mark that opens nowhere; kept as written." },
  },
  {
    id: "t-5-9-2-missing-bullet",
    about: ["T-5.9.2"],
    kind: "typo",
    text: {
      en: 'In Appendix 4 the second bullet row of task 5.9 lacks the "- " its sibling rows begin with; it is read as the second of the three bullets, as in section B.',
    },
  },
  {
    id: "document-number-variants",
    about: ["haiphong-142"],
    kind: "typo",
    text: {
      vi: "89- CTtr/TU",
      en: 'The plan writes the Government resolution as both "71-NQ/CP" (its title, opening and task 1.1) and "71/NQ-CP" (section A and the titles of Appendices 1 and 3), and the city action programme once as "89- CTtr/TU". The dataset cites them as 71/NQ-CP and 89-CTr/TU.',
    },
  },
  {
    id: "ke-hoach-va-dau-tu-successor-not-given",
    about: ["ke-hoach-va-dau-tu", "PL1-15"],
    kind: "agencySuccession",
    text: {
      vi: "Sở Tài chính, Kế hoạch và Đầu tư, Khoa học và Công nghệ",
      en: 'Appendix 1 row 15 names "Kế hoạch và Đầu tư" (the Department of Planning and Investment) as a lead, beside the Department of Finance. The plan gives no successor for it: which body answers for its duties, from when and by which decision is not in the text, so the dataset records no succession. An app that holds the decision supplies the record (`successions`: predecessor ke-hoach-va-dau-tu, the successor, the date, the document), and the plan in force then names the successor.',
    },
  },
];
