"""Vietnamese phrases the data generator composes into plausible ward news.

Each list holds phrases a ward portal really uses; `generator` folds each phrase once, so that
composing a million articles never folds text again.
"""

SUBJECTS = (
    "UBND phường", "Đảng ủy phường", "Ủy ban MTTQ Việt Nam phường", "Đoàn Thanh niên phường",
    "Hội Liên hiệp Phụ nữ phường", "Hội Cựu chiến binh", "Hội Nông dân", "Công an phường",
    "Ban Chỉ huy Quân sự phường", "Trạm Y tế phường", "Trường Tiểu học Thắng Tam",
    "Trường THCS Nguyễn An Ninh", "Khu phố 3", "Khu phố 5", "Tổ dân phố 12", "Ban quản lý chợ",
    "Hội Chữ thập đỏ", "Phòng Văn hóa – Thông tin", "Bộ phận một cửa", "Chi bộ khu phố 2",
)
VERBS = (
    "tổ chức", "triển khai", "ra quân", "phát động", "tuyên truyền về", "kiểm tra", "tổng kết",
    "sơ kết", "khánh thành", "ra mắt", "hướng dẫn người dân về", "đẩy mạnh", "hoàn thành",
    "tập huấn về", "trao quà hỗ trợ", "vận động", "ký kết chương trình", "tiếp nhận ý kiến về",
)
OBJECTS = (
    "tổng vệ sinh môi trường", "tiêm chủng mở rộng", "cải cách hành chính",
    "chuyển đổi số", "phòng chống sốt xuất huyết", "an toàn giao thông", "phòng cháy chữa cháy",
    "xây dựng đô thị văn minh", "giảm nghèo bền vững", "học bổng cho học sinh nghèo vượt khó",
    "dịch vụ công trực tuyến", "thu gom rác thải nhựa", "chỉnh trang vỉa hè", "lễ hội Nghinh Ông",
    "tháng hành động vì trẻ em", "ngày hội đại đoàn kết toàn dân tộc", "bảo hiểm y tế hộ gia đình",
    "căn cước công dân gắn chíp", "trật tự xây dựng", "an toàn thực phẩm", "hiến máu tình nguyện",
    "kế hoạch sử dụng đất", "đường hoa xuân", "phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "khám sức khỏe cho người cao tuổi", "phổ cập bơi cho trẻ em", "nạo vét kênh thoát nước",
    "lắp đặt đèn chiếu sáng công cộng", "camera an ninh khu dân cư", "sửa chữa nhà tình nghĩa",
    "tuyển quân năm 2025", "điều tra dân số giữa kỳ", "thu thuế phi nông nghiệp", "cấp giấy chứng nhận quyền sử dụng đất",
    "đăng ký kinh doanh hộ cá thể", "chi trả trợ cấp xã hội", "phòng chống đuối nước", "xây dựng nông thôn mới",
    "bảo vệ rừng phòng hộ", "phân loại rác tại nguồn", "trồng cây xanh ven biển", "hội thi nấu ăn ngon",
    "giải bóng đá thiếu niên", "chợ phiên nông sản", "hội chợ xúc tiến thương mại", "khai giảng lớp tin học",
    "cuộc thi ảnh đẹp quê hương", "hỗ trợ ngư dân vươn khơi", "phòng chống dịch tả lợn châu Phi",
    "cấp nước sạch cho hộ nghèo", "kiểm tra cơ sở lưu trú", "đón khách du lịch dịp lễ", "tu bổ di tích Đình Thắng Tam",
    "cải tạo công viên Bãi Dâu", "hướng dẫn khai báo tạm trú", "lấy ý kiến dự thảo quy hoạch",
    "bầu cử đại biểu Hội đồng nhân dân", "tiếp xúc cử tri", "tuần lễ học tập suốt đời", "bình chọn gia đình văn hóa",
)
PLACES = (
    "trên địa bàn phường", "tại khu phố 1", "tại Bãi Sau", "trên đường Hoàng Hoa Thám",
    "trên đường Thùy Vân", "tại chợ Xóm Lưới", "tại hội trường UBND phường", "ở khu dân cư Rạch Dừa",
    "trên đường 30 tháng 4", "tại nhà văn hóa khu phố", "dọc bờ biển Bãi Trước",
    "tại Trung tâm Văn hóa thành phố", "ở các tổ dân phố", "tại Bến Đá", "ở khu vực Long Sơn",
    "trên đường Trần Phú", "tại công viên Bãi Dâu", "ở hẻm 45 Lê Lợi", "tại Trường Mầm non Hoa Sen",
    "tại bến cá Rạch Dừa", "trên tuyến đường Ba Cu", "ở khu tái định cư 10 héc-ta", "tại chợ Phước Thắng",
    "trên đường Nguyễn An Ninh", "ở khu phố Thắng Nhất", "tại Nhà thiếu nhi", "dọc kênh Bến Đình",
)
TIMES = (
    "sáng nay", "chiều qua", "trong tuần qua", "từ đầu năm đến nay", "trong quý I",
    "trong dịp Tết Nguyên đán", "nhân dịp Quốc khánh 2 tháng 9", "trong 6 tháng đầu năm",
    "sáng Chủ nhật", "tối thứ Bảy",
)
DETAILS = (
    "hơn 200 đoàn viên, hội viên tham gia", "thu hút đông đảo người dân hưởng ứng",
    "nhiều hộ gia đình đã đăng ký tham gia", "các lực lượng phối hợp chặt chẽ",
    "kết quả đạt vượt chỉ tiêu đề ra", "người dân được hướng dẫn tận tình",
    "kinh phí do các nhà hảo tâm đóng góp", "đã xử lý dứt điểm nhiều điểm nóng",
    "100% hồ sơ được giải quyết đúng hạn", "nhiều ý kiến đóng góp tâm huyết được ghi nhận",
    "chương trình sẽ tiếp tục trong các tháng tới", "lãnh đạo phường đánh giá cao tinh thần trách nhiệm",
)
CLOSINGS = (
    "Qua đó góp phần nâng cao chất lượng cuộc sống của nhân dân.",
    "Hoạt động nhận được sự đồng tình, ủng hộ của người dân.",
    "Phường sẽ tiếp tục theo dõi, đôn đốc thực hiện trong thời gian tới.",
    "Mọi ý kiến xin gửi về bộ phận một cửa của phường.",
    "Đây là hoạt động thiết thực chào mừng các ngày lễ lớn của đất nước.",
)
