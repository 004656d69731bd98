/**
 * Plans the importer has never been tuned to, in the layouts agencies really use: a Sở's 9-column
 * appendix like the seed, a district's shorter table with other header words and columns in
 * another order, and a commune's table with a two-row header and numbering restarting per section.
 * Each comes with what a person reading it would write down: codes, sections, leads, due dates,
 * targets. planFiles.ts writes each as .docx, .xlsx and text.
 */
import type { FixturePlan } from "./planFiles";

export interface Expected {
  year: number;
  title: RegExp;
  tasks: {
    code: string;
    section: string;
    lead: string[];
    due: string | null;
    recurring?: boolean;
  }[];
  /** Targets read from the body (none for the pasted table, which has no body). */
  targets: { id: string; target: number; comparison: string; unit: string }[];
  merges: [string, string][];
  /** Deadline texts the importer must report instead of guessing. */
  unreadDeadlines: string[];
}

const S_SO_TU_PHAP: FixturePlan = {
  name: "Sở Tư pháp (9 cột như văn bản gốc)",
  paragraphs: [
    "UBND TỈNH NGHỆ AN",
    "SỞ TƯ PHÁP",
    "KẾ HOẠCH",
    "Cải cách hành chính của Sở Tư pháp năm 2025",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân.",
    "II. CHỈ TIÊU CỤ THỂ",
    "1. Phấn đấu 100% văn bản QPPL do Sở chủ trì soạn thảo được thẩm định đúng hạn.",
    "2. Tỷ lệ hồ sơ nộp trực tuyến đạt từ 80% trở lên; mức độ hài lòng của người dân đạt trên 90%.",
    "3. Có ít nhất 02 sáng kiến về CCHC được công nhận trong năm 2025.",
    "4. Tỷ lệ hồ sơ giải quyết quá hạn không quá 2%.",
    "5. Tỷ lệ TTHC bị phản ánh, kiến nghị dưới 5%.",
    "III. NHIỆM VỤ VÀ GIẢI PHÁP",
    "Thực hiện theo phụ lục kèm theo.",
  ],
  pastedTitle: ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH CỦA SỞ TƯ PHÁP NĂM 2025"],
  header: [
    "TT",
    "Mục tiêu",
    "Nhiệm vụ trọng tâm",
    "Hoạt động",
    "Kết quả/ sản phẩm",
    "Chủ trì",
    "Phối hợp",
    "Thời gian hoàn thành",
    "Ghi chú",
  ],
  mergedColumns: [0, 1],
  rows: [
    { section: "I", title: "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH" },
    {
      cells: [
        "1",
        "1.1. Nâng cao chất lượng chỉ đạo điều hành CCHC",
        "2.1. Ban hành Kế hoạch CCHC năm 2025",
        "- Xây dựng dự thảo\n- Trình Giám đốc Sở ban hành",
        "Kế hoạch được ban hành",
        "Văn phòng",
        "Các phòng, đơn vị",
        "Trước ngày 15/01/2025",
        "",
      ],
    },
    {
      cells: [
        "",
        "",
        "2.2. Kiểm tra công tác CCHC tại các phòng, đơn vị trực thuộc Sở theo kế hoạch",
        "Ban hành kế hoạch kiểm tra; tổ chức kiểm tra",
        "Báo cáo kết quả kiểm tra",
        "Văn phòng Sở, Thanh tra Sở",
        "Các phòng, đơn vị",
        "Quý I/2025",
        "",
      ],
      splitInText: true,
    },
    { section: "II", title: "CẢI CÁCH THỂ CHẾ" },
    {
      cells: [
        "1",
        "1.1. 100% văn bản QPPL được thẩm định đúng hạn",
        "2.3. Thẩm định dự thảo văn bản QPPL của tỉnh",
        "Thẩm định theo quy trình",
        "Báo cáo thẩm định",
        "Phòng Xây dựng và kiểm tra văn bản",
        "Văn phòng",
        "Thường xuyên",
        "",
      ],
    },
    {
      cells: [
        "2",
        "1.2. Tăng cường phổ biến, giáo dục pháp luật",
        "2.4. Tổ chức phổ biến pháp luật cho cán bộ, công chức",
        "Hội nghị phổ biến",
        "Hội nghị; tài liệu",
        "Văn phòng, Phòng Phổ biến, giáo dục pháp luật",
        "Phòng Hành chính - Tư pháp",
        "6 tháng đầu năm 2025",
        "",
      ],
    },
    { section: "III", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" },
    {
      cells: [
        "1",
        "1.1. Rà soát, đơn giản hóa TTHC",
        "2.5. Rà soát TTHC thuộc thẩm quyền giải quyết của Sở",
        "Rà soát, đề xuất phương án đơn giản hóa",
        "Báo cáo rà soát",
        "Phòng Hành chính tư pháp",
        "Các phòng chuyên môn",
        "Tháng 3, 9/2025",
        "",
      ],
    },
    {
      cells: [
        "",
        "",
        "2.6. Cập nhật, công khai TTHC trên Cổng dịch vụ công",
        "Cập nhật kịp thời",
        "TTHC được công khai",
        "Văn phòng Sở",
        "",
        "Hằng quý",
        "",
      ],
    },
  ],
};

const S_SO_TU_PHAP_EXPECTED: Expected = {
  year: 2025,
  title: /^Kế hoạch Cải cách hành chính của Sở Tư pháp năm 2025$|SỞ TƯ PHÁP NĂM 2025/,
  tasks: [
    { code: "2.1", section: "I", lead: ["Văn phòng Sở"], due: "2025-01-14" },
    { code: "2.2", section: "I", lead: ["Văn phòng Sở", "Thanh tra Sở"], due: "2025-03-31" },
    {
      code: "2.3",
      section: "II",
      lead: ["Phòng Xây dựng và kiểm tra văn bản"],
      due: null,
      recurring: true,
    },
    {
      code: "2.4",
      section: "II",
      lead: ["Văn phòng Sở", "Phòng Phổ biến, giáo dục pháp luật"],
      due: "2025-06-30",
    },
    { code: "2.5", section: "III", lead: ["Phòng Hành chính - Tư pháp"], due: "2025-09-30" },
    { code: "2.6", section: "III", lead: ["Văn phòng Sở"], due: null, recurring: true },
  ],
  targets: [
    { id: "1", target: 100, comparison: ">=", unit: "%" },
    { id: "2a", target: 80, comparison: ">=", unit: "%" },
    { id: "2b", target: 90, comparison: ">", unit: "%" },
    { id: "3", target: 2, comparison: ">=", unit: "count" },
    { id: "4", target: 2, comparison: "<=", unit: "%" },
    { id: "5", target: 5, comparison: "<", unit: "%" },
  ],
  merges: [
    ["Văn phòng", "Văn phòng Sở"],
    ["Phòng Hành chính tư pháp", "Phòng Hành chính - Tư pháp"],
  ],
  unreadDeadlines: [],
};

const HUYEN: FixturePlan = {
  name: "UBND huyện (bảng ngắn, từ khác, cột đổi chỗ)",
  paragraphs: [
    "ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN",
    "KẾ HOẠCH Cải cách hành chính huyện Cẩm Xuyên năm 2025",
    "I. MỤC TIÊU",
    "Xây dựng nền hành chính phục vụ.",
    "II. CÁC CHỈ TIÊU CHỦ YẾU",
    "- 100% cơ quan chuyên môn ban hành kế hoạch CCHC.",
    "- Tối thiểu 95% hồ sơ TTHC được giải quyết đúng hạn.",
    "- Tổ chức ít nhất 04 cuộc kiểm tra CCHC tại các xã, thị trấn.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các cơ quan, đơn vị triển khai thực hiện.",
  ],
  pastedTitle: ["KẾ HOẠCH CCHC HUYỆN CẨM XUYÊN NĂM 2025"],
  header: [
    "STT",
    "Nội dung công việc",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời hạn",
    "Sản phẩm",
  ],
  mergedColumns: [],
  numberRow: true,
  rows: [
    { section: "I", title: "CẢI CÁCH THỂ CHẾ", oneCell: true },
    {
      cells: [
        "1",
        "Rà soát văn bản QPPL do HĐND, UBND huyện ban hành",
        "Phòng Tư pháp",
        "Văn phòng HĐND và UBND huyện",
        "Trước 31/3/2025",
        "Báo cáo rà soát",
      ],
    },
    {
      cells: [
        "2",
        "Theo dõi thi hành pháp luật trên địa bàn huyện",
        "Phòng Tư pháp",
        "Các cơ quan chuyên môn",
        "Tháng 6 năm 2025",
        "Báo cáo",
      ],
    },
    { section: "II", title: "CẢI CÁCH TỔ CHỨC BỘ MÁY", oneCell: true },
    {
      cells: [
        "3",
        "Sắp xếp đơn vị sự nghiệp công lập",
        "Phòng Nội vụ; Phòng Tài chính - Kế hoạch",
        "UBND các xã, thị trấn",
        "Quý II",
        "Đề án",
      ],
    },
    {
      cells: [
        "4",
        "Kiểm tra công tác CCHC tại các xã, thị trấn",
        "Văn phòng HĐND và UBND huyện",
        "Công an huyện và Phòng Tư pháp",
        "Hằng tháng",
        "Biên bản kiểm tra",
      ],
    },
    { section: "III", title: "HIỆN ĐẠI HÓA HÀNH CHÍNH", oneCell: true },
    {
      cells: [
        "5",
        "Tuyên truyền chuyển đổi số",
        "Phòng Văn hóa và Thông tin",
        "Các cơ quan chuyên môn",
        "Theo kế hoạch của UBND tỉnh",
        "Tin, bài",
      ],
    },
    {
      cells: [
        "6",
        "Duy trì hệ thống quản lý chất lượng ISO",
        "Văn phòng HĐND và UBND huyện\nPhòng Nội vụ",
        "Các cơ quan chuyên môn",
        "Năm 2025",
        "Báo cáo",
      ],
    },
  ],
};

const HUYEN_EXPECTED: Expected = {
  year: 2025,
  title: /huyện Cẩm Xuyên năm 2025|CẨM XUYÊN NĂM 2025/i,
  tasks: [
    { code: "1", section: "I", lead: ["Phòng Tư pháp"], due: "2025-03-30" },
    { code: "2", section: "I", lead: ["Phòng Tư pháp"], due: "2025-06-30" },
    {
      code: "3",
      section: "II",
      lead: ["Phòng Nội vụ", "Phòng Tài chính - Kế hoạch"],
      due: "2025-06-30",
    },
    {
      code: "4",
      section: "II",
      lead: ["Văn phòng HĐND và UBND huyện"],
      due: null,
      recurring: true,
    },
    { code: "5", section: "III", lead: ["Phòng Văn hóa và Thông tin"], due: null },
    {
      code: "6",
      section: "III",
      lead: ["Văn phòng HĐND và UBND huyện", "Phòng Nội vụ"],
      due: "2025-12-31",
    },
  ],
  targets: [
    { id: "1", target: 100, comparison: ">=", unit: "%" },
    { id: "2", target: 95, comparison: ">=", unit: "%" },
    { id: "3", target: 4, comparison: ">=", unit: "count" },
  ],
  merges: [],
  unreadDeadlines: ["Theo kế hoạch của UBND tỉnh"],
};

const XA: FixturePlan = {
  name: "UBND xã (tiêu đề hai hàng, đánh số lại từng phần)",
  paragraphs: ["UBND XÃ THẠCH LẠC", "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026"],
  pastedTitle: ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026"],
  header: ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian hoàn thành", "Ghi chú"],
  header2: ["", "", "Chủ trì", "Phối hợp", "", ""],
  mergedColumns: [],
  rows: [
    { section: "I", title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" },
    {
      cells: [
        "1",
        "Ban hành kế hoạch CCHC của xã",
        "Công chức Văn phòng - Thống kê",
        "",
        "Tháng 1",
        "",
      ],
    },
    {
      cells: [
        "2",
        "Tuyên truyền CCHC trên hệ thống truyền thanh xã",
        "Công chức Văn hóa - Xã hội",
        "Các thôn",
        "Thường xuyên",
        "",
      ],
    },
    {
      cells: [
        "3",
        "Tự kiểm tra công tác CCHC của xã",
        "Chủ tịch UBND xã",
        "Công chức Văn phòng-Thống kê",
        "Trước 30/6",
        "",
      ],
      splitInText: true,
    },
    { section: "II", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" },
    {
      cells: [
        "1",
        "Niêm yết công khai TTHC tại Bộ phận một cửa",
        "Công chức Tư pháp - Hộ tịch\nCông chức Địa chính",
        "UBND",
        "Quý III",
        "",
      ],
    },
    {
      cells: [
        "2",
        "Bảo đảm an ninh trật tự tại nơi tiếp nhận hồ sơ",
        "Công an xã và Ban CHQS xã",
        "UBND xã",
        "Định kỳ 6 tháng",
        "",
      ],
    },
    {
      cells: ["3", "Sửa chữa trụ sở Bộ phận một cửa", "UBND xã", "", "Chưa xác định", ""],
    },
  ],
};

const XA_EXPECTED: Expected = {
  year: 2026,
  title: /NĂM 2026/i,
  tasks: [
    { code: "I.1", section: "I", lead: ["Công chức Văn phòng - Thống kê"], due: "2026-01-31" },
    { code: "I.2", section: "I", lead: ["Công chức Văn hóa - Xã hội"], due: null, recurring: true },
    { code: "I.3", section: "I", lead: ["Chủ tịch UBND xã"], due: "2026-06-29" },
    {
      code: "II.1",
      section: "II",
      lead: ["Công chức Tư pháp - Hộ tịch", "Công chức Địa chính"],
      due: "2026-09-30",
    },
    {
      code: "II.2",
      section: "II",
      lead: ["Công an xã", "Ban CHQS xã"],
      due: null,
      recurring: true,
    },
    { code: "II.3", section: "II", lead: ["UBND xã"], due: null },
  ],
  targets: [],
  merges: [
    ["Công chức Văn phòng-Thống kê", "Công chức Văn phòng - Thống kê"],
    ["UBND", "UBND xã"],
  ],
  unreadDeadlines: ["Chưa xác định"],
};

export const FIXTURES: readonly { plan: FixturePlan; expected: Expected }[] = [
  { plan: S_SO_TU_PHAP, expected: S_SO_TU_PHAP_EXPECTED },
  { plan: HUYEN, expected: HUYEN_EXPECTED },
  { plan: XA, expected: XA_EXPECTED },
];
