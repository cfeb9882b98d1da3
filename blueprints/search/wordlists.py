"""Vietnamese phrases the data generator composes into plausible ward news.

Each list holds phrases a ward portal really uses; `generator` folds each phrase once, so that
composing a million articles never folds text again.
"""

SUBJECTS = (
    "UBND phường",
    "Đảng ủy phường",
    "Ủy ban MTTQ Việt Nam phường",
    "Đoàn Thanh niên phường",
    "Hội Liên hiệp Phụ nữ phường",
    "Hội Cựu chiến binh",
    "Hội Nông dân",
    "Công an phường",
    "Ban Chỉ huy Quân sự phường",
    "Trạm Y tế phường",
    "Trường Tiểu học Thắng Tam",
    "Trường THCS Nguyễn An Ninh",
    "Khu phố 3",
    "Khu phố 5",
    "Tổ dân phố 12",
    "Ban quản lý chợ",
    "Hội Chữ thập đỏ",
    "Phòng Văn hóa – Thông tin",
    "Bộ phận một cửa",
    "Chi bộ khu phố 2",
)
VERBS = (
    "tổ chức",
    "triển khai",
    "ra quân",
    "phát động",
    "tuyên truyền về",
    "kiểm tra",
    "tổng kết",
    "sơ kết",
    "khánh thành",
    "ra mắt",
    "hướng dẫn người dân về",
    "đẩy mạnh",
    "hoàn thành",
    "tập huấn về",
    "trao quà hỗ trợ",
    "vận động",
    "ký kết chương trình",
    "tiếp nhận ý kiến về",
)
OBJECTS = (
    "tổng vệ sinh môi trường",
    "tiêm chủng mở rộng",
    "cải cách hành chính",
    "chuyển đổi số",
    "phòng chống sốt xuất huyết",
    "an toàn giao thông",
    "phòng cháy chữa cháy",
    "xây dựng đô thị văn minh",
    "giảm nghèo bền vững",
    "học bổng cho học sinh nghèo vượt khó",
    "dịch vụ công trực tuyến",
    "thu gom rác thải nhựa",
    "chỉnh trang vỉa hè",
    "lễ hội Nghinh Ông",
    "tháng hành động vì trẻ em",
    "ngày hội đại đoàn kết toàn dân tộc",
    "bảo hiểm y tế hộ gia đình",
    "căn cước công dân gắn chíp",
    "trật tự xây dựng",
    "an toàn thực phẩm",
    "hiến máu tình nguyện",
    "kế hoạch sử dụng đất",
    "đường hoa xuân",
    "phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "khám sức khỏe cho người cao tuổi",
    "phổ cập bơi cho trẻ em",
    "nạo vét kênh thoát nước",
    "lắp đặt đèn chiếu sáng công cộng",
    "camera an ninh khu dân cư",
    "sửa chữa nhà tình nghĩa",
    "tuyển quân năm 2025",
    "điều tra dân số giữa kỳ",
    "thu thuế phi nông nghiệp",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "đăng ký kinh doanh hộ cá thể",
    "chi trả trợ cấp xã hội",
    "phòng chống đuối nước",
    "xây dựng nông thôn mới",
    "bảo vệ rừng phòng hộ",
    "phân loại rác tại nguồn",
    "trồng cây xanh ven biển",
    "hội thi nấu ăn ngon",
    "giải bóng đá thiếu niên",
    "chợ phiên nông sản",
    "hội chợ xúc tiến thương mại",
    "khai giảng lớp tin học",
    "cuộc thi ảnh đẹp quê hương",
    "hỗ trợ ngư dân vươn khơi",
    "phòng chống dịch tả lợn châu Phi",
    "cấp nước sạch cho hộ nghèo",
    "kiểm tra cơ sở lưu trú",
    "đón khách du lịch dịp lễ",
    "tu bổ di tích Đình Thắng Tam",
    "cải tạo công viên Bãi Dâu",
    "hướng dẫn khai báo tạm trú",
    "lấy ý kiến dự thảo quy hoạch",
    "bầu cử đại biểu Hội đồng nhân dân",
    "tiếp xúc cử tri",
    "tuần lễ học tập suốt đời",
    "bình chọn gia đình văn hóa",
)
PLACES = (
    "trên địa bàn phường",
    "tại khu phố 1",
    "tại Bãi Sau",
    "trên đường Hoàng Hoa Thám",
    "trên đường Thùy Vân",
    "tại chợ Xóm Lưới",
    "tại hội trường UBND phường",
    "ở khu dân cư Rạch Dừa",
    "trên đường 30 tháng 4",
    "tại nhà văn hóa khu phố",
    "dọc bờ biển Bãi Trước",
    "tại Trung tâm Văn hóa thành phố",
    "ở các tổ dân phố",
    "tại Bến Đá",
    "ở khu vực Long Sơn",
    "trên đường Trần Phú",
    "tại công viên Bãi Dâu",
    "ở hẻm 45 Lê Lợi",
    "tại Trường Mầm non Hoa Sen",
    "tại bến cá Rạch Dừa",
    "trên tuyến đường Ba Cu",
    "ở khu tái định cư 10 héc-ta",
    "tại chợ Phước Thắng",
    "trên đường Nguyễn An Ninh",
    "ở khu phố Thắng Nhất",
    "tại Nhà thiếu nhi",
    "dọc kênh Bến Đình",
)
TIMES = (
    "sáng nay",
    "chiều qua",
    "trong tuần qua",
    "từ đầu năm đến nay",
    "trong quý I",
    "trong dịp Tết Nguyên đán",
    "nhân dịp Quốc khánh 2 tháng 9",
    "trong 6 tháng đầu năm",
    "sáng Chủ nhật",
    "tối thứ Bảy",
)
DETAILS = (
    "hơn 200 đoàn viên, hội viên tham gia",
    "thu hút đông đảo người dân hưởng ứng",
    "nhiều hộ gia đình đã đăng ký tham gia",
    "các lực lượng phối hợp chặt chẽ",
    "kết quả đạt vượt chỉ tiêu đề ra",
    "người dân được hướng dẫn tận tình",
    "kinh phí do các nhà hảo tâm đóng góp",
    "đã xử lý dứt điểm nhiều điểm nóng",
    "100% hồ sơ được giải quyết đúng hạn",
    "nhiều ý kiến đóng góp tâm huyết được ghi nhận",
    "chương trình sẽ tiếp tục trong các tháng tới",
    "lãnh đạo phường đánh giá cao tinh thần trách nhiệm",
)
CLOSINGS = (
    "Qua đó góp phần nâng cao chất lượng cuộc sống của nhân dân.",
    "Hoạt động nhận được sự đồng tình, ủng hộ của người dân.",
    "Phường sẽ tiếp tục theo dõi, đôn đốc thực hiện trong thời gian tới.",
    "Mọi ý kiến xin gửi về bộ phận một cửa của phường.",
    "Đây là hoạt động thiết thực chào mừng các ngày lễ lớn của đất nước.",
)

# Running text of Vietnamese administrative news, commonest words first. The generator draws
# its neighbouring pairs (mostly real two-syllable words: "công tác", "thực hiện") by Zipf's law,
# the k-th about 1/k as often as the first, to write prose whose words are as unevenly common as
# a real portal's: a rare word is rare in the index and a common one everywhere.
PROSE = """
của và các được có cho là trong với những người đã này để không một đến về theo khi từ
tại cũng như đồng thời việc công tác thực hiện nhân dân địa bàn phường cán bộ năm tháng
ngày hoạt động kế hoạch chương trình tổ chức chính quyền đơn vị cơ quan tiếp tục nhằm
nâng cao hiệu quả triển khai tích cực trách nhiệm đảm bảo phối hợp lực lượng tình hình
kết quả nhiệm vụ quản lý xây dựng phát triển kinh tế xã hội văn hóa giáo dục y tế an ninh
trật tự an toàn giao thông môi trường đô thị dân cư hộ gia đình người dân cộng đồng
thanh niên phụ nữ trẻ em học sinh người cao tuổi cựu chiến binh hội viên đoàn viên
đảng viên chi bộ mặt trận đoàn thể ban ngành lãnh đạo chủ tịch phó chủ tịch bí thư
trưởng khu phố tổ trưởng cán bộ chuyên trách công chức viên chức chiến sĩ tình nguyện
viên hỗ trợ giúp đỡ quan tâm thăm hỏi tặng quà khó khăn hoàn cảnh gia đình chính sách
người có công thương binh liệt sĩ mẹ Việt Nam anh hùng bảo trợ trợ cấp kinh phí nguồn
vốn ngân sách đóng góp vận động ủng hộ tấm lòng nhà hảo tâm doanh nghiệp tiểu thương
hộ kinh doanh chợ hàng hóa giá cả thị trường sản xuất dịch vụ du lịch khách tham quan
bãi biển cảng cá ngư dân tàu thuyền khai thác hải sản nuôi trồng nông nghiệp cây trồng
vật nuôi dịch bệnh tiêm phòng vắc xin sức khỏe khám chữa bệnh bệnh viện trạm y tế bác sĩ
điều dưỡng thuốc phòng chống sốt xuất huyết muỗi lăng quăng vệ sinh rác thải nước sạch
thoát nước ngập úng triều cường mưa bão gió lốc thiên tai cứu hộ cứu nạn di dời khẩn cấp
điện chiếu sáng cây xanh vỉa hè lòng đường lấn chiếm hàng rong biển quảng cáo trật tự
đô thị xử phạt vi phạm hành chính lập biên bản cưỡng chế tháo dỡ công trình giấy phép
đất đai quy hoạch giải phóng mặt bằng bồi thường tái định cư hồ sơ thủ tục tiếp nhận
giải quyết trả kết quả đúng hạn trễ hạn trực tuyến mức độ toàn trình chữ ký số định danh
điện tử tài khoản ứng dụng nền tảng dữ liệu thông tin tuyên truyền phổ biến pháp luật
loa phát thanh bản tin mạng xã hội trang thông tin điện tử báo cáo sơ kết tổng kết đánh
giá khen thưởng biểu dương giấy khen bằng khen danh hiệu thi đua gương điển hình tiên tiến
học tập làm theo tư tưởng đạo đức phong cách Hồ Chí Minh nghị quyết chỉ thị kết luận
văn bản quyết định thông báo công văn hướng dẫn quy định điều lệ quy chế nội quy hương ước
hội nghị cuộc họp buổi làm việc đoàn công tác khảo sát kiểm tra giám sát thanh tra tiếp
công dân khiếu nại tố cáo kiến nghị phản ánh đối thoại hòa giải mâu thuẫn tranh chấp
tội phạm ma túy trộm cắp cờ bạc tai nạn an ninh trật tự tuần tra kiểm soát camera
phòng cháy chữa cháy diễn tập phương án thoát nạn bình chữa cháy hộ kinh doanh nhà trọ
lưu trú tạm trú thường trú cư trú căn cước công dân khai sinh khai tử kết hôn chứng thực
bản sao hộ tịch hộ nghèo cận nghèo thoát nghèo việc làm lao động dạy nghề vay vốn ngân hàng
chính sách xã hội bảo hiểm y tế bảo hiểm xã hội tự nguyện lương hưu thẻ bảo hiểm thu nộp
thuế phí lệ phí hóa đơn trường học lớp học giáo viên phụ huynh năm học khai giảng bế giảng
thi tốt nghiệp học bổng thư viện sách báo thể dục thể thao bóng đá bóng chuyền cầu lông
bơi lội võ thuật văn nghệ ca múa nhạc hát đờn ca tài tử lễ hội truyền thống đình chùa
miếu di tích lịch sử danh lam thắng cảnh tết trung thu thiếu nhi đèn lồng quà bánh
gạo mì tôm dầu ăn nước mắm chăn màn áo quần tập vở xe đạp nhà tình thương nhà đại đoàn kết
sửa chữa nâng cấp mở rộng khởi công khánh thành bàn giao đưa vào sử dụng tuyến đường hẻm
cầu cống mương kênh rạch bờ kè công viên quảng trường nhà văn hóa sân chơi bãi đỗ xe
khu vực tuyến phố ngõ hẻm số nhà buổi sáng buổi chiều buổi tối hằng tuần hằng tháng định kỳ
thường xuyên kịp thời nghiêm túc chặt chẽ đồng bộ quyết liệt hiệu quả thiết thực ý nghĩa
sâu rộng đông đảo nhiệt tình hưởng ứng tham gia đăng ký đóng góp ý kiến lấy ý kiến
dự thảo thẩm định phê duyệt ban hành công bố công khai minh bạch niêm yết tra cứu
mục tiêu chỉ tiêu tỷ lệ phần trăm số lượng tổng số bình quân tăng giảm so với cùng kỳ
năm trước năm nay quý tuần qua thời gian tới sắp tới trước mắt lâu dài bền vững văn minh
sạch đẹp xanh hiện đại thông minh chuyển đổi số công nghệ số hóa cải cách hành chính
"""
# Surnames, middle and given names: streets, schools and people in generated news.
SURNAMES = (  # each list below: names separated by spaces
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lương Mai "
    "Cao Tạ Châu Tôn Thái"
)
MIDDLE_NAMES = "Văn Thị Hữu Đình Công Minh Quang Thanh Ngọc Xuân Đức Kim Hoài Bá Trọng"
GIVEN_NAMES = (
    "An Bình Cường Dũng Duy Đạt Giang Hải Hạnh Hòa Hùng Hương Khánh Khoa Lan Linh Long Mai Minh "
    "Nam Nga Nhân Phong Phúc Phương Quân Quốc Sơn Tâm Thắng Thảo Thành Thu Thủy Tiến Trang Trung "
    "Tuấn Tùng Vân Việt Vinh Yến Cừ Lợi Huệ Trãi Du Chiểu Quyền Toản Thuật Khải"
)
