import type { PdfLetterhead, PdfLine } from './pdf.js'

/**
 * The school's real plan for digital transformation, 2022–2025, as written: only the line breaks,
 * the word lost at a page break and one typing slip ("trực tuyển") are mended. It is the demo's
 * flagship document: the register links it to the four documents it implements, and its PDF
 * carries this text.
 */
export const PLAN = {
  number: '45/KH-MNPL',
  issueDate: '2023-02-20',
  title: 'Kế hoạch triển khai thực hiện Chương trình chuyển đổi số của Trường Mầm non Phục Lễ giai đoạn 2022-2025',
  titleEn: 'Plan for carrying out the digital transformation programme of Phục Lễ Kindergarten, 2022–2025',
  summary:
    'Kế hoạch triển khai thực hiện Chương trình chuyển đổi số của Trường Mầm non Phục Lễ giai đoạn 2022-2025: tầm nhìn, mục tiêu, nguyên tắc, nhiệm vụ, giải pháp (kho học liệu số, thư viện số, văn phòng điện tử, thu không dùng tiền mặt) và tổ chức thực hiện.',
  summaryEn:
    'Plan for carrying out the digital transformation programme of Phục Lễ Kindergarten, 2022–2025: vision, goals, principles, tasks, solutions (digital learning materials, digital library, e-office, cashless payments) and organisation.',
  recipients: ['Phòng GD-ĐT (để b/cáo)', 'Phó Hiệu trưởng', 'Tổ trưởng CM (để thực hiện)', 'Lưu: VT'],
} as const

const BODY = `
Thực hiện Kế hoạch số 227/KH-UBND ngày 21/9/2020 của Uỷ ban nhân dân thành phố Hải Phòng về chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030;
Thực hiện Kế hoạch số 29/KH-UBND ngày 09/2/2023 của Uỷ ban nhân dân thành phố Hải Phòng về tuyên truyền chuyển đổi số trên địa bàn thành phố Hải Phòng giai đoạn 2022-2025;
Thực hiện Công văn số 554/SGDĐT-VP ngày 18/3/2022 của Sở Giáo dục và Đào tạo Hải Phòng về việc tuyên truyền chuyển đổi số trong các cơ sở giáo dục;
Thực hiện Kế hoạch số 46/KH-UBND ngày 25/3/2022 tuyên truyền về chuyển đổi số trên địa bàn huyện Thuỷ Nguyên giai đoạn 2022-2025;
Căn cứ vào tình hình thực tế của nhà trường, trường Mầm non Phục Lễ xây dựng kế hoạch triển khai thực hiện Chương trình chuyển đổi số giai đoạn 2022-2025, cụ thể như sau:
# I. TẦM NHÌN, MỤC TIÊU VÀ NGUYÊN TẮC
# 1. Tầm nhìn
Chuyển đổi số trong lĩnh vực giáo dục và nhiệm vụ trọng tâm hàng đầu của ngành Giáo dục và Đào tạo huyện Thủy Nguyên, của Trường mầm non Phục Lễ nhằm đáp ứng yêu cầu về chương trình chuyển đổi số để xây dựng và phát triển huyện Thủy Nguyên theo hướng đô thị thông minh, giai đoạn 2022-2025 và các năm tiếp theo; làm nền tảng phát triển bền vững, phát triển kinh tế số, tận dụng tốt thời cơ cách mạng công nghệ lần thứ tư.
- Trường Mầm non Phục Lễ xác định, chuyển đổi số góp phần có những thay đổi cốt lõi sau:
+ Thay đổi cách thức quản lý, chỉ đạo điều hành, hướng đến cách thức quản lý công việc trên nền tảng công nghệ số.
+ Tác động trực tiếp đến đối tượng và các dịch vụ cung cấp của Ngành; qua đó, thay đổi cách tiếp cận các dịch vụ giáo dục truyền thống sang các dịch vụ giáo dục số mà nền tảng là dữ liệu số.
+ Thực hiện các hoạt động chuyên môn, nghiệp vụ trên nền tảng dữ liệu số; thúc đẩy đầu tư vào số hóa dữ liệu và ứng dụng công nghệ thông tin và truyền thông (CNTT&TT) một cách mạnh mẽ.
+ Phát triển dựa trên nền tảng dữ liệu và cách thức làm việc với ứng dụng CNTT&TT gắn liền với khả năng sử dụng, kết nối, trao đổi, chia sẻ dữ liệu.
+ Đa dạng các hình thức, giải pháp tiếp nhận nhu cầu “Học mọi lúc - mọi nơi” của người học, góp phần xây dựng hệ thống giáo dục bảo đảm mọi công dân được học tập, hướng đến xây dựng xã hội học tập.
# 2. Mục tiêu chuyển đổi số lĩnh vực giáo dục
# 2.1. Mục tiêu chung
- Nâng cao và thống nhất nhận thức trong cán bộ quản lý, giáo viên và phụ huynh về các nội dung của chuyển đổi số trong lĩnh vực giáo dục, nhất là vai trò, ý nghĩa, các nhiệm vụ trọng tâm của chuyển đổi số, làm cơ sở để huy động sức mạnh tổng thể, giúp quá trình triển khai được thuận lợi, đồng bộ.
- Chuyển đổi số lĩnh vực giáo dục kế thừa và phát triển ứng dụng CNTT & TT trên nền tảng công nghệ số, công nghệ thông minh, góp phần xây dựng Trường Mầm non Phục Lễ hiện đại, chất lượng, hiệu quả và hội nhập; hỗ trợ người dân dễ dàng tiếp cận giáo dục và được học tập, nâng cao trình độ liên tục, suốt đời; góp phần nâng cao dân trí và chất lượng nguồn nhân lực cho nhà trường theo định hướng kinh tế số.
# 2.2. Mục tiêu cụ thể
- Thực hiện triển khai hệ thống thông tin quản lý trong nhà trường, bao gồm: cơ sở dữ liệu kết nối, liên thông hệ thống thông tin các trường trong huyện. Đến năm 2025, Trường Mầm non Phục Lễ ứng dụng tốt công nghệ thông tin trong quản lý, quản trị (từ quản lý học sinh, giáo viên, cán bộ quản lý đến quá trình học tập, chăm sóc nuôi dưỡng trẻ, cơ sở vật chất, các khoản thu không dùng tiền mặt,...) đồng bộ với hệ thống dữ liệu của ngành.
- Đảm bảo hạ tầng công nghệ thông tin cho Trường Mầm non Phục Lễ nói riêng theo hướng hiện đại, thiết thực và hiệu quả. Đến năm 2025 trường khai thác hiệu quả các ứng dụng trực tuyến trên môi trường internet; 100% học sinh của khối mẫu giáo 4- 5 tuổi được tiếp cận internet và kho học liệu trực tuyến; hoàn thành việc xây dựng cổng thư viện số (giáo trình, bài giảng, học liệu số)
- Đẩy mạnh ứng dụng công nghệ số và các nền tảng số để đổi mới nội dung, phương pháp dạy - học (bài giảng điện tử, học liệu số đa phương tiện, giúp kết hợp trong hoạt động học trên lớp của trẻ), kiểm tra - đánh giá. Đến năm 2025, trang thông tin điện tử của trường cung cấp đầy đủ thông tin (cơ sở vật chất, chương trình học, đội ngũ,…) theo quy định của Bộ Giáo dục và Đào tạo.
- Tập trung chuyển đổi số trong công tác quản lý giáo dục, hoàn thiện hệ thống văn phòng điện tử.
# 3. Các nguyên tắc định hướng trong việc chuyển đổi số giáo dục
# 3.1. Nguyên tắc chung
- Phù hợp với chủ trương, chính sách của Đảng và Nhà nước về phát triển chính quyền điện tử, chính phủ số và các định hướng, chiến lược, quy hoạch, kế hoạch của huyện Thủy Nguyên và của Sở Giáo dục và Đào tạo, Bộ Giáo dục và Đào tạo.
- Chú trọng ứng dụng các thành quả khoa học công nghệ góp phần đổi mới, nâng cao hiệu quả trong quản lý nhà nước về giáo dục, nâng cao chất lượng dạy - học, tạo điều kiện tốt nhất để người dân học tập mọi lúc, mọi nơi.
- Góp phần xây dựng hệ thống Giáo dục và Đào tạo huyện Thủy Nguyên hiện đại nhằm cùng huyện thực hiện thành công Chương trình chuyển đổi số của huyện Thủy Nguyên.
# 3.2. Nguyên tắc về công nghệ
- Phù hợp với các quy định, hướng dẫn của Bộ, Sở; phù hợp tổng thể về Công nghệ thông tin của ngành Giáo dục và Đào tạo huyện Thủy Nguyên.
- Tận dụng tối đa các công nghệ hiện đại trên nguyên tắc bảo đảm tính trung lập về kỹ thuật công nghệ, ưu tiên áp dụng các tiêu chuẩn mở, công nghệ mở, mã nguồn mở.
- Công nghệ đảm bảo tính linh hoạt và thích ứng cao; đảm bảo về mặt tư duy tổng thể, triển khai linh hoạt. Triển khai từng giai đoạn để đảm bảo giáo viên trong đơn vị, phụ huynh và học sinh thích ứng với thay đổi.
- Có các giải pháp bảo mật, an toàn thông tin đầy đủ cho các thành phần trong mô hình giáo dục thông minh, chuyển đổi số trong giáo dục theo lộ trình phù hợp.
# 3.3. Nguyên tắc về dữ liệu
- Dữ liệu là nền tảng quyết định trong quá trình chuyển đổi số, xây dựng giáo dục thông minh. Dữ liệu cần được kế thừa, phát triển và lưu trữ lâu dài, là tài nguyên cốt lõi để triển khai chuyển đổi số. Ứng dụng các công nghệ tiên tiến để quản lý cơ sở dữ liệu.
- Dữ liệu hình thành trong hoạt động của ngành Giáo dục và Đào tạo huyện Thủy Nguyên là tài sản của ngành và của huyện Thủy Nguyên; được quản lý bởi ngành Giáo dục và Đào tạo, được chia sẻ dùng chung nhằm phục vụ các hoạt động của Ngành cũng như của cơ quan nhà nước hướng đến việc phục vụ cán bộ, giáo viên, nhân viên, phụ huynh, học sinh, người dân, tổ chức, doanh nghiệp.
- Dữ liệu Trường Mầm non Phục Lễ, ngành Giáo dục và Đào tạo tuân thủ các tiêu chuẩn mở, đảm bảo tính đồng bộ vận hành, tránh đầu tư trùng lắp. Tất cả các dự án mới phải nghiên cứu khả năng chia sẻ và mở rộng trên nền tảng hạ tầng, cơ sở dữ liệu, ứng dụng hiện hữu.
- Đảm bảo tính linh hoạt và thích ứng cao: tuân thủ phương châm tư duy tổng thể, triển khai linh hoạt. Triển khai theo từng giai đoạn để đảm bảo cán bộ, giáo viên, nhân viên, phụ huynh, học sinh, người dân có thời gian thích ứng thay đổi.
# 3.4. Huy động mọi nguồn lực
- Chuyển đổi số lĩnh vực giáo dục cần huy động mọi nguồn lực trong đó nguồn lực từ CB-GV- PH là then chốt, là quyết định và nguồn lực xã hội hóa là động lực.
- Luôn tạo cơ hội để khuyến khích hợp tác sáng tạo; đồng thời xây dựng cơ chế chính sách và hành lang pháp lý để triển khai các mô hình cộng tác để cùng phát triển, ứng dụng chuyển đổi số giáo dục.
# II. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN
# I. Nhiệm vụ:
# 1.1. Chuyển đổi nhận thức
- Đẩy mạnh tuyên truyền nâng cao nhận thức của cán bộ, giáo viên, nhân viên, phụ huynh và học sinh về vai trò và lợi ích của chuyển đổi số, của CNTT & TT trong lĩnh vực giáo dục.
- Tăng cường sự tham gia của phụ huynh học sinh cùng góp ý, giám sát và sử dụng các dịch vụ, tiện ích do chuyển đổi số mang lại. Triển khai các kênh hỗ trợ trực tiếp, trực tuyến (website, mạng xã hội) để hỗ trợ giáo viên, phụ huynh, học sinh sử dụng các dịch vụ giáo dục trực tuyến.
- Xây dựng quy trình về đảm bảo an toàn thông tin, đảm bảo an ninh mạng trong phạm vi toàn trường. Biểu dương, khen thưởng các cá nhân có thành tích tiêu biểu trong chuyển đổi số lĩnh vực giáo dục.
# 1.2. Tuyên truyền và thực hiện các văn bản hướng dẫn, điều hành
- Thực hiện quy định về quản lý, thu thập dữ liệu giáo dục; các quy chuẩn, quy định về kết nối, liên thông dữ liệu trong Ngành Giáo dục Huyện Thủy Nguyên.
- Hướng dẫn về ứng dụng CNTT&TT trong lĩnh vực Giáo dục và Đào tạo. Hướng dẫn, quy định về xác thực điện tử trong trường và Ngành Giáo dục và Đào tạo
# 1.3. Phát triển cơ sở dữ liệu giáo dục
- Phát triển, hoàn thiện các cơ sở dữ liệu chuyên ngành trên nguyên tắc cơ sở dữ liệu được tập trung được lưu trữ một cách có hệ thống và lâu dài. Cơ sở dữ liệu giáo dục do Phòng Giáo dục và Đào tạo quản lý, vận hành và khai thác.
- Xây dựng và phát triển nền tảng dữ liệu mở về giáo dục, thu thập dữ liệu kết hợp với dữ liệu chia sẻ từ các cơ sở dữ liệu khác hướng tới hình thành hệ sinh thái dữ liệu mở trong Ngành Giáo dục và Đào tạo và mạng thông tin giáo dục quốc gia cũng như hệ sinh thái dữ liệu số Huyện Thủy Nguyên.
# 1.4. Xây dựng nền tảng số
Xây dựng, triển khai nền tảng tích hợp, chia sẻ dữ liệu gồm các thành phần chính như:
- Hệ thống cơ sở dữ liệu giáo dục.
- Kết nối thanh toán điện tử.
- Cung cấp thông tin tình trạng giải quyết hồ sơ hành chính.
- Tích hợp, cung cấp dữ liệu giáo dục.
- Liên thông các hệ thống thông tin.
- Triển khai hệ thống chữ ký số, chữ kí điện tử trong nhà trường. Phát triển các nền tảng ứng dụng di động trong việc cung cấp các dịch vụ giáo dục.
- Hoàn thành cơ sở dữ liệu giáo dục, ứng dụng các công nghệ thông minh để phân tích số liệu về hoạt động giáo dục kịp thời, chính xác, giúp báo cáo, dự báo chính xác từ đó tham mưu xây dựng các chính sách giáo dục phù hợp.
# 1.5. Đảm bảo an toàn, an ninh thông tin
- Nhà trường triển khai đảm bảo an toàn, an ninh thông tin cho hệ thống thông tin của đơn vị theo đúng cấp độ an toàn thông tin của hệ thống thông tin.
- Sử dụng hiệu quả chữ ký số trên hệ thống dịch vụ công trực tuyến của Trường Mầm non Phục Lễ.
# 1.6. Phát triển nguồn nhân lực
- Tham gia các lớp đào tạo cán bộ chuyển đổi số về các công nghệ số áp dụng trong giáo dục và đào tạo gồm các tiêu chuẩn CNTT giáo dục, các công nghệ số về dữ liệu lớn, di động,.... Bảo đảm nguồn nhân lực phục vụ vận hành, khai thác dữ liệu trong việc vận hành và triển khai các ứng dụng CNTT trong nhà trường.
- Nâng cao năng lực ứng dụng CNTT&TT cho giáo viên và cán bộ quản lý qua các khóa đào tạo, tập huấn thường xuyên.
# 2. Giải pháp
# 2.1. Góp phần xây dựng hệ sinh thái số
Từng bước xây dựng hệ sinh thái số bao gồm 3 nhóm chính:
- Nhóm I: Thu thập dữ liệu các hệ thống, phần mềm, hệ thống phần mềm có chức năng tạo ra dữ liệu tại cơ sở: như phần mềm quản lý trường học, các phân hệ: học sinh, thời khóa biểu, thư viện, thiết bị, tuyển sinh.
- Nhóm 2: Tích hợp và lưu trữ cơ sở dữ liệu dùng chung, được Phòng Giáo dục và Đào tạo trực tiếp quản lý và vận hành.
- Nhóm 3: Khai thác và chuẩn hóa dữ liệu bao gồm các phần mềm, hệ thống phần mềm từ nhóm 1 thu thập để làm nền tảng định danh. Bao gồm: hệ thống họp trực tuyến, hệ thống báo cáo chuyên môn, thống kê, hệ thống học tập, các phần mềm liên lạc giữa phụ huynh và nhà trường,…thông qua việc sử dụng những dữ liệu thu thập được vào hoạt động thường xuyên, liên tục được rà soát và lưu giữ trạng thái dữ liệu.
Trên cơ sở các nhóm trên, xuất ra các chức năng: báo cáo, thống kê, phân tích, họp trực tuyến, quản lý dạy - học trực tuyến, tuyển sinh trực tuyến,...
- Triển khai kế thừa và đồng bộ cơ sở dữ liệu ngành, quản lý điểm danh trẻ, phần mềm quản lý dạy - học, kho học liệu, KHCSGD điện tử.
- Triển khai, hoàn thiện các ứng dụng CNTT&TT trong quản lý, điều hành điện tử, hạn chế việc sử dụng giấy tờ, phát triển kết nối thông tin điện tử, xác thực điện tử, trường học điện tử, quản lý hồ sơ học vụ điện tử ở đơn vị.
- Xây dựng và phát triển hệ thống thông tin quản lý ở cơ sở giáo dục, hỗ trợ người dân tìm kiếm thông tin về các đơn vị, cơ sở giáo dục, từng bước thực hiện công tác quy hoạch mạng lưới trường lớp giai đoạn 2022-2025.
# 2.2. Phát triển Chính quyền số trong nhà trường
Đẩy mạnh phát triển, nâng cấp các hệ thống thông tin giáo dục trên các nền tảng số mới nhất về truyền thông xã hội, cung cấp thông tin và dịch vụ hành chính công một cách đơn giản, thuận tiện trên di động toàn diện công tác chỉ đạo, điều hành của Trường Mầm non Phục Lễ và cung cấp trải nghiệm tốt nhất, thân thiện nhất cho người dùng. Các hệ thống trên bao gồm:
- Triển khai, hoàn thiện các ứng dụng CNTT&TT trong quản lý, điều hành điện tử, hạn chế việc sử dụng giấy tờ, ứng dụng phát triển giao dịch điện tử, xác thực điện tử, văn phòng điện tử, triển khai hệ thống chữ ký số, chữ ký điện tử.
- Triển khai dịch vụ công trực tuyến mức độ 3, mức độ 4.
- Số hóa các văn bản, tài liệu của Trường Mầm non Phục Lễ.
# 2.3 Đẩy mạnh triển khai trường học thông minh - trường học không dùng tiền mặt
- Triển khai các khoản thu không dùng tiền mặt. Phối hợp ngân hàng, có cơ quan liên quan triển khai các giải pháp thu không dùng tiền mặt thân thiện với người dùng trên internet, thiết bị di động và các sản phẩm dịch vụ thanh toán tiện ích của ngân hàng.
- Tiếp tục sử dụng 100% các khoản chi lương, chi thường xuyên qua dịch vụ công.
# 2.4. Triển khai xây dựng hệ thống thư viện tiên tiến, hiện đại
- Số hóa và xây dựng hệ thống dữ liệu thư viện tiên tiến, hiện đại, hỗ trợ giáo viên và phụ huynh học sinh chủ động về phương thức tìm kiếm thông tin, dữ liệu học tập nghiên cứu, dễ dàng truy cập từ xa. Tối ưu hóa việc lưu trữ, bảo quản, khai thác và giao lưu thông tin, góp phần nâng cao hiệu quả phục vụ trong thư viện nhà trường hiện nay.
- Phối hợp hoạt động giảng dạy của giáo viên với việc tự học, tự nghiên cứu của phụ huynh học sinh, trao đổi các dữ liệu giảng dạy trong và ngoài nhà trường, giáo viên và các nhà quản lý giáo dục cũng có thể hỗ trợ chia sẻ nguồn tư liệu, tài liệu khoa học, tài liệu giảng dạy qua đó góp phần chuyển đổi số trong hoạt động của thư viện, hình thành thư viện tiên tiến, hiện đại cho trường.
# 2.5. Xây dựng nền tảng số nâng cao hiệu quả dạy - học trực tuyến
- Tập trung triển khai các nền tảng số để cung cấp các hình thức dạy học trực tuyến (e-learning), dạy học từ xa cụ thể: Số hóa học liệu (hay học liệu điện tử) bao gồm: bài giảng dạy trên truyền hình, giáo án, bài trình chiếu (dưới dạng power point và các định dạng khác), sách giáo khoa, tài liệu tham khảo, bài kiểm tra đánh giá, bảng dữ liệu, các tập âm thanh, hình ảnh, video, thí nghiệm mô phỏng và các học liệu số hóa khác như: tranh, ảnh, biểu đồ, hình vẽ,... nhằm hình thành kho học liệu số (kho học liệu điện tử).
# 2.6. Xây dựng các cơ sở dữ liệu giáo dục chuyên ngành giáo dục
Tập trung chuyển đổi số trên cơ sở xây dựng, nâng cấp hoàn thiện các cơ sở dữ liệu (CSDL) chuyên ngành trên nguyên tắc kế thừa đối với các CSDL đã hình thành đồng thời phát triển CSDL mới nhằm đáp ứng yêu cầu quản lý, điều hành của ngành Giáo dục và Đào tạo huyện Thủy Nguyên, trường mầm non Phục Lễ, cụ thể:
- CSDL chuyên ngành tổ chức cán bộ: quản lý nhân sự, quản lý đào tạo, bồi dưỡng cán bộ quản lý giáo dục và giáo viên; tuyển dụng.
- CSDL về công tác đánh giá công tác thi đua - khen thưởng.
- CSDL về công tác kiểm định chất lượng giáo dục.
- CSDL về quản lý văn bằng, chứng chỉ.
- CSDL về phổ cập giáo dục, xóa mù chữ.
- CSDL quản lý trang thiết bị giáo dục (cơ sở vật chất)
- CSDL quản lý lương.
# 3. Đánh giá mức độ chuyển đổi số:
- Hằng năm, căn cứ vào Bộ chỉ số đánh giá mức độ CĐS ban hành kèm theo quyết định 4725/QĐ-BGDĐT nhà trường tổ chức tự đánh giá mức độ chuyển đổi số của nhà trường.
- Báo cáo kết quả tự đánh giá mức độ CĐS về Phòng GD&ĐT Thủy Nguyên.
# IV. TỔ CHỨC THỰC HIỆN
# 1. Hiệu trưởng
Xây dựng kế hoạch triển khai thực hiện Chương trình chuyển đổi số của trường Mầm non Phục Lễ giai đoạn 2022-2025.
Phân công các thành viên phụ trách triển khai thực hiện Chương trình chuyển đổi số của trường Mầm non Phục Lễ giai đoạn 2022-2025, triển khai tới toàn thể cán bộ, giáo viên, nhân viên, phụ huynh học sinh.
# 2. Các thành viên phụ trách CĐS
Tham mưu và giúp Hiệu trưởng chỉ đạo và đôn đốc triển khai, tổng hợp báo cáo gửi về Phòng GDĐT khi có yêu cầu.
Thông tin, tuyên truyền nhằm nâng cao nhận thức cho giáo viên, phụ huynh về vai trò của Chương trình chuyển đổi số trong các hoạt động của nhà trường.
Trên đây là kế hoạch triển khai thực hiện Chương trình chuyển đổi số của trường Mầm non Phục Lễ giai đoạn 2022-2025. Trường yêu cầu các bộ phận và cá nhân nghiêm túc triển khai, thực hiện. Trong quá trình thực hiện, nếu có vấn đề khó khăn, vướng mắc cần báo cáo kịp thời về bộ phận phụ trách.
`

/** The plan's body as PDF lines: "# " marks a heading, "- " and "+ " list items. */
const bodyLines = (): PdfLine[] =>
  BODY.trim()
    .split('\n')
    .map((line): PdfLine => {
      if (line.startsWith('# ')) return { text: line.slice(2), heading: true }
      if (line.startsWith('- ') || line.startsWith('+ ')) return { text: line.slice(2), bullet: line[0] === '-' ? '–' : '+' }
      return { text: line }
    })

/**
 * The letterhead of a document of the school. The demo's school documents are all dated before
 * 2025, while Thủy Nguyên was still a district (huyện).
 */
export const schoolLetterhead = (number: string, issueDate: string): PdfLetterhead => {
  const date = new Date(issueDate)
  const [day, month, year] = [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear()]
  const pad = (value: number) => String(value).padStart(2, '0')
  return {
    left: [
      { text: 'UBND HUYỆN THỦY NGUYÊN' },
      { text: 'TRƯỜNG MẦM NON PHỤC LỄ', bold: true },
      { text: '' },
      { text: `Số: ${number}` },
    ],
    right: [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
      { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
      { text: '' },
      { text: `Phục Lễ, ngày ${pad(day)} tháng ${pad(month)} năm ${year}`, italic: true },
    ],
  }
}

/** Everything the plan's PDF shows, from the letterhead to the signature. */
export const planPdfLines = (signer: string): PdfLine[] => [
  { text: 'KẾ HOẠCH', heading: true, align: 'center', size: 14 },
  { text: 'Triển khai thực hiện Chương trình chuyển đổi số', bold: true, align: 'center' },
  { text: 'của Trường Mầm non Phục Lễ giai đoạn 2022-2025', bold: true, align: 'center' },
  ...bodyLines(),
  { text: 'Nơi nhận:', bold: true, size: 10 },
  ...PLAN.recipients.map((text, index): PdfLine => ({
    text: `${text}${index === PLAN.recipients.length - 1 ? '.' : ';'}`,
    bullet: '-',
    size: 10,
  })),
  { text: 'HIỆU TRƯỞNG', bold: true, align: 'right' },
  { text: '(Đã ký)', italic: true, align: 'right', size: 10 },
  { text: signer, bold: true, align: 'right' },
]
