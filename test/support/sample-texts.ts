/**
 * Real-sounding report texts for the documents a reader looks at (test/documents-pdf): the wording
 * of the 2019 summary of the Bloc (the seed article), several paragraphs where a report has them,
 * so that the rendered pages read like a unit's report and not like test data.
 */
const AREA: Record<string, { strengths: string; limitations: string; causes: string }> = {
  political: {
    strengths:
      'Chi bộ đã kịp thời cụ thể hóa nghị quyết đại hội đảng các cấp thành chương trình hành động sát với nhiệm vụ chính trị của đơn vị; xây dựng chương trình công tác toàn khóa và hằng năm.\nViệc lựa chọn những vấn đề trọng tâm, nổi cộm để lãnh đạo thực hiện được chú trọng; rõ lộ trình, rõ trách nhiệm của tổ chức và cá nhân.',
    limitations: 'Một số nghị quyết chuyên đề còn chậm được sơ kết, đánh giá; việc lượng hóa kết quả thực hiện có lúc chưa rõ.',
    causes: 'Khối lượng công tác chuyên môn lớn, một số cấp ủy viên kiêm nhiệm nhiều việc.',
  },
  ideological: {
    strengths:
      'Việc học tập, quán triệt nghị quyết được đổi mới theo tinh thần Nghị quyết số 02 của Đảng ủy Khối; 100% đảng viên tham gia học tập và viết bài thu hoạch.',
    limitations: 'Nắm bắt diễn biến tư tưởng của đảng viên có lúc chưa kịp thời.',
    causes: '',
  },
  ethics: {
    strengths:
      'Chi bộ gắn việc thực hiện Chỉ thị số 05-CT/TW với Quy định số 08-QĐi/TW; 100% đảng viên xây dựng cam kết tu dưỡng, rèn luyện đạo đức gắn với trách nhiệm nêu gương.',
    limitations: 'Việc đăng ký làm theo của một số đảng viên còn chung chung.',
    causes: 'Hướng dẫn cụ thể hóa nội dung đăng ký chưa sát với từng vị trí công tác.',
  },
  degradation: {
    strengths:
      'Chi bộ triển khai nghiêm túc Nghị quyết Trung ương 4 khóa XII; tự phê bình và phê bình được duy trì nền nếp, không có đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống.',
    limitations: 'Nhận diện biểu hiện "tự diễn biến", "tự chuyển hóa" trong sinh hoạt chi bộ có lúc chưa sâu.',
    causes: '',
  },
  organisation: {
    strengths: 'Chất lượng sinh hoạt chi bộ được nâng lên theo Nghị quyết số 01 của Đảng ủy Khối; sinh hoạt chuyên đề hằng quý đi vào nền nếp.',
    limitations: 'Nội dung một số buổi sinh hoạt còn dàn trải.',
    causes: 'Công tác chuẩn bị nội dung sinh hoạt chưa được đầu tư đúng mức.',
  },
  cadres: {
    strengths: 'Công tác phát triển đảng viên được quan tâm; trong nhiệm kỳ kết nạp 5 đảng viên, 100% đảng viên hoàn thành nhiệm vụ trở lên.',
    limitations: 'Nguồn phát triển đảng viên trẻ còn ít.',
    causes: '',
  },
  inspection: {
    strengths: 'Chi bộ thực hiện đầy đủ chương trình kiểm tra, giám sát toàn khóa; kiểm tra 6 lượt đảng viên, giám sát chuyên đề 4 lượt.',
    limitations: 'Giám sát thường xuyên có lúc chưa chặt chẽ.',
    causes: 'Ủy ban kiểm tra cấp trên ít hướng dẫn nghiệp vụ cho chi bộ.',
  },
  mass_mobilisation: {
    strengths: 'Lãnh đạo công đoàn, chi đoàn thanh niên hoạt động hiệu quả; thực hiện tốt quy chế dân chủ ở cơ sở theo Nghị quyết số 04.',
    limitations: 'Công tác dân vận chính quyền có mặt còn hạn chế.',
    causes: '',
  },
  practice_theory: {
    strengths: 'Chi bộ tổng kết thực tiễn về đổi mới phương thức lãnh đạo đối với công tác chuyên môn của đơn vị.',
    limitations: 'Kết quả nghiên cứu chưa được phổ biến rộng.',
    causes: '',
  },
  charter: {
    strengths: 'Chi bộ thi hành nghiêm các quy định của Điều lệ Đảng về sinh hoạt đảng, thu nộp đảng phí, quản lý đảng viên.',
    limitations: 'Một số quy định về quản lý đảng viên đi công tác dài ngày còn khó thực hiện.',
    causes: '',
  },
};

const ONE_TEXT: Record<string, string> = {
  context:
    'Chi bộ Vụ Kế toán Nhà nước đầu nhiệm kỳ có 18 đảng viên, cuối nhiệm kỳ có 21 đảng viên, sinh hoạt trong 2 tổ đảng.\nTrong nhiệm kỳ, đơn vị được giao thêm nhiệm vụ kế toán ngân sách nhà nước trên hệ thống thông tin mới; khối lượng công việc lớn, yêu cầu chuyên môn cao.\nThuận lợi cơ bản là sự lãnh đạo sâu sát của Đảng ủy cấp trên và sự đoàn kết, thống nhất trong chi bộ.',
  overall_assessment:
    'Nhiệm kỳ 2015-2020, chi bộ đã hoàn thành tốt nhiệm vụ công tác xây dựng Đảng; năng lực lãnh đạo và sức chiến đấu của chi bộ được nâng lên.',
  lessons_learned:
    'Một là, phải bám sát nhiệm vụ chính trị của đơn vị để lựa chọn nội dung sinh hoạt.\nHai là, phát huy vai trò nêu gương của người đứng đầu.\nBa là, giữ vững đoàn kết, thống nhất trong chi bộ.',
  next_term:
    'Tiếp tục nâng cao chất lượng sinh hoạt chi bộ; thực hiện có hiệu quả các nghị quyết của Đảng ủy Khối và Đảng ủy cấp trên; phấn đấu chi bộ hoàn thành xuất sắc nhiệm vụ hằng năm.',
  proposals:
    'Đề nghị bổ sung vào Điều lệ Đảng quy định về sinh hoạt của đảng viên đi công tác dài ngày ở đơn vị khác; hướng dẫn cụ thể việc quản lý đảng viên làm việc từ xa.',
};

/**
 * The text a unit wrote for one item's part: the sample's wording with the unit's name where the
 * sample names its own chi bộ; undefined for a part the unit left empty (an optional cause).
 */
export function sampleText(unitName: string, key: string, part: string): string | undefined {
  const text = part === 'text' ? ONE_TEXT[key] : AREA[key]?.[part as keyof (typeof AREA)[string]];
  if (text === undefined) return `${unitName} đã thực hiện nghiêm túc nội dung này trong nhiệm kỳ.`;
  if (text === '') return undefined;
  // A đảng bộ's report speaks of its đảng bộ where a chi bộ's speaks of its chi bộ.
  const own = text.replace(/Chi bộ Vụ Kế toán Nhà nước/g, unitName);
  return unitName.startsWith('Chi bộ') ? own : own.replace(/(^|\n)Chi bộ /g, '$1Đảng bộ ').replace(/ chi bộ(?=[\s.,;:])/g, ' đảng bộ');
}

/**
 * The Khối's own report, as its working group writes it: sentences of the seed article (the 2019
 * summary of the Bloc) where it speaks of an area, the sample's wording elsewhere.
 */
const KHOI: Record<string, string> = {
  'context.text':
    'Đảng bộ Khối các cơ quan Trung ương có 63 tổ chức đảng trực thuộc, hơn 900 tổ chức cơ sở đảng, khoảng 5.500 chi bộ và hơn 65.000 đảng viên.\nCông tác tổng kết được tiến hành từ cơ sở; các báo cáo đánh giá toàn diện các mặt công tác xây dựng Đảng theo yêu cầu đề cương của Trung ương và Đảng ủy Khối.',
  'political.strengths':
    'Thực hiện Nghị quyết Đại hội XII của Đảng, Đảng bộ Khối xác định xây dựng Đảng trong sạch, vững mạnh về chính trị là nhiệm vụ then chốt; các cấp ủy đảng đã tích cực cụ thể hóa nghị quyết đại hội đảng các cấp phù hợp với chức năng, nhiệm vụ và đặc thù của từng đảng bộ.\nLựa chọn 5 vấn đề cần tập trung chỉ đạo, ban hành các Nghị quyết số 01, 02, 04, 05 và 06; ban hành và tổ chức thực hiện Chỉ thị số 03 và Chỉ thị số 04.',
  'degradation.strengths':
    'Công tác đấu tranh ngăn chặn, đẩy lùi tình trạng suy thoái về tư tưởng chính trị, đạo đức lối sống, những biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ được các cấp ủy đặc biệt quan tâm, gắn với việc thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.',
  'ethics.strengths':
    'Vai trò tiên phong, gương mẫu của cán bộ, đảng viên, nhất là người đứng đầu cấp ủy, cơ quan, đơn vị được phát huy; nội dung nêu gương "nói đi đôi với làm" đã lan tỏa trong cán bộ, đảng viên.',
  'practice_theory.strengths':
    'Đảng ủy Khối tổng kết 70 năm xây dựng và phát triển (1948-2018), bổ sung Lịch sử Đảng bộ Khối các cơ quan Trung ương; tổng kết 11 năm thực hiện Quyết định số 98-QĐ/TW của Bộ Chính trị.',
};

/** The Khối's report text for one item's part (see KHOI). */
export function khoiText(key: string, part: string): string | undefined {
  return KHOI[`${key}.${part}`] ?? sampleText('Đảng bộ Khối các cơ quan Trung ương', key, part);
}
