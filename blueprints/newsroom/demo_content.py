"""The words of the demo newsroom: units, sections, board positions and a month of articles.

Illustrative only: the people are not real officials and the events are typical of a ward's
month (cleaning campaigns, voter meetings, public-service guidance), not reports of real ones.
"""

from __future__ import annotations

# name_vi, name_en
CITY_DEPARTMENTS = [
    ("Văn phòng HĐND và UBND thành phố", "Office of the City People's Council and Committee"),
    ("Phòng Văn hóa và Thông tin", "Culture and Information Office"),
    ("Phòng Tài chính – Kế hoạch", "Finance and Planning Office"),
    ("Phòng Tài nguyên và Môi trường", "Natural Resources and Environment Office"),
    ("Phòng Lao động – Thương binh và Xã hội", "Labour, Invalids and Social Affairs Office"),
    ("Phòng Y tế", "Health Office"),
]
WARD_DEPARTMENTS = [
    ("Văn phòng UBND", "People's Committee Office"),
    ("Công chức Văn hóa – Xã hội", "Culture and Social Affairs"),
    ("Công an", "Police"),
    ("Ban Chỉ huy Quân sự", "Military Command"),
    ("Ủy ban MTTQ Việt Nam", "Fatherland Front Committee"),
]

# slug, name_vi, name_en, parent slug
SECTIONS = [
    ("tin-tuc-su-kien", "Tin tức – Sự kiện", "News and events", None),
    ("tin-dia-phuong", "Tin địa phương", "Local news", "tin-tuc-su-kien"),
    ("chinh-tri", "Chính trị", "Politics", "tin-tuc-su-kien"),
    ("kinh-te", "Kinh tế", "Economy", "tin-tuc-su-kien"),
    ("van-hoa-xa-hoi", "Văn hóa – Xã hội", "Culture and society", "tin-tuc-su-kien"),
    ("quoc-phong-an-ninh", "Quốc phòng – An ninh", "Defence and security", "tin-tuc-su-kien"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính", "Administrative reform", None),
    ("chuyen-doi-so", "Chuyển đổi số", "Digital transformation", None),
    ("du-lich-dia-phuong", "Du lịch địa phương", "Local tourism", None),
]

NAMES = [
    "Nguyễn Thị Thu Hà",
    "Trần Văn Hùng",
    "Lê Minh Tuấn",
    "Phạm Thị Ngọc Lan",
    "Võ Thanh Sơn",
    "Đặng Quốc Bảo",
    "Huỳnh Thị Mai",
    "Bùi Văn Long",
    "Đỗ Thị Hồng Nhung",
    "Ngô Văn Phước",
    "Dương Thị Kim Oanh",
    "Lý Hoàng Nam",
    "Trương Thị Bích Thủy",
    "Phan Văn Thắng",
]

# role key, position (vi), position (en)
BOARD = [
    (
        "board-head",
        "Phó Chủ tịch UBND {unit}, Trưởng Ban biên tập",
        "Vice Chairperson of the People's Committee of {unit_en}, Head of the Editorial Board",
    ),
    (
        "approver",
        "Phó Trưởng Ban biên tập (duyệt tin bài)",
        "Deputy Head of the Editorial Board (approves articles)",
    ),
    (
        "editor",
        "Chuyên viên quản trị Cổng, Thư ký Ban biên tập",
        "Portal administrator, Secretary of the Editorial Board",
    ),
    (None, "Thành viên Ban biên tập", "Member of the Editorial Board"),
]

# title, section slug, kind, body paragraphs; {place} is the portal's name
ARTICLES = [
    (
        "{place} ra quân tổng vệ sinh môi trường, hưởng ứng “Ngày Chủ nhật xanh”",
        "tin-dia-phuong",
        "news",
        [
            "Sáng Chủ nhật, hơn 200 cán bộ, đoàn viên và người dân {place} đã tham gia dọn dẹp vệ sinh các tuyến đường, bãi biển và khu dân cư.",
            "Lực lượng tham gia thu gom khoảng 3 tấn rác thải, phát quang bụi rậm và khơi thông cống rãnh.",
            "UBND {place_short} đề nghị các khu phố duy trì ra quân vào Chủ nhật cuối mỗi tháng.",
        ],
    ),
    (
        "Hội nghị tiếp xúc cử tri trước kỳ họp HĐND thành phố",
        "chinh-tri",
        "news",
        [
            "Tại hội nghị, cử tri {place} kiến nghị về tình trạng ngập nước khi triều cường, việc cấp giấy chứng nhận quyền sử dụng đất và trật tự lòng lề đường.",
            "Đại biểu HĐND thành phố đã tiếp thu, giải trình và hứa chuyển các kiến nghị đến cơ quan có thẩm quyền.",
        ],
    ),
    (
        "Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công",
        "cai-cach-hanh-chinh",
        "article",
        [
            "Người dân có thể nộp hồ sơ đăng ký khai sinh, chứng thực bản sao và nhiều thủ tục khác qua Cổng Dịch vụ công quốc gia.",
            "Bộ phận Một cửa {place_short} bố trí cán bộ hướng dẫn trực tiếp vào giờ hành chính từ thứ Hai đến sáng thứ Bảy.",
        ],
    ),
    (
        "Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng",
        "chuyen-doi-so",
        "news",
        [
            "Hơn 60 thành viên Tổ công nghệ số cộng đồng của {place} được hướng dẫn cài đặt VNeID, thanh toán không dùng tiền mặt và nhận diện lừa đảo qua mạng.",
            "Các tổ sẽ hỗ trợ người cao tuổi và hộ kinh doanh nhỏ tại từng khu phố.",
        ],
    ),
    (
        "Trao quà cho hộ nghèo, hộ cận nghèo và gia đình chính sách",
        "van-hoa-xa-hoi",
        "news",
        [
            "Ủy ban MTTQ Việt Nam {place_short} phối hợp với các nhà hảo tâm trao 120 suất quà, mỗi suất trị giá 500.000 đồng.",
            "Nguồn kinh phí được vận động từ Quỹ “Vì người nghèo” và các doanh nghiệp trên địa bàn.",
        ],
    ),
    (
        "Diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại khu dân cư",
        "quoc-phong-an-ninh",
        "reportage",
        [
            "Buổi diễn tập giả định cháy tại một căn nhà trong hẻm nhỏ, có người mắc kẹt trên tầng hai.",
            "Lực lượng dân phòng, Công an {place_short} và Cảnh sát PCCC đã phối hợp dập lửa, sơ cứu nạn nhân trong 15 phút.",
            "Người dân được hướng dẫn sử dụng bình chữa cháy và thoát nạn an toàn.",
        ],
    ),
    (
        "Kiểm tra an toàn thực phẩm tại bếp ăn tập thể các trường mầm non",
        "van-hoa-xa-hoi",
        "news",
        [
            "Đoàn kiểm tra liên ngành đã kiểm tra 8 bếp ăn tập thể; các cơ sở cơ bản chấp hành quy định về nguồn gốc thực phẩm.",
            "Đoàn nhắc nhở hai cơ sở bổ sung sổ kiểm thực ba bước và lưu mẫu thức ăn đúng quy định.",
        ],
    ),
    (
        "Khai mạc giải bóng đá thiếu niên, nhi đồng hè",
        "van-hoa-xa-hoi",
        "photo",
        [
            "Giải quy tụ 12 đội bóng đến từ các khu phố, thi đấu vòng tròn tại sân vận động {place_short}.",
            "Giải nhằm tạo sân chơi lành mạnh cho thiếu nhi trong dịp hè.",
        ],
    ),
    (
        "Người dân đồng thuận hiến đất mở rộng hẻm",
        "kinh-te",
        "article",
        [
            "14 hộ dân tại khu phố 3 đã tự nguyện hiến gần 200 m² đất để mở rộng hẻm từ 2 m lên 4 m.",
            "Công trình được thực hiện theo phương châm “Nhà nước và nhân dân cùng làm”.",
        ],
    ),
    (
        "Bình luận: Để mỗi khu phố là một “tuyến phố văn minh”",
        "van-hoa-xa-hoi",
        "commentary",
        [
            "Mô hình “Tuyến phố văn minh, sạch đẹp” chỉ bền vững khi mỗi hộ dân tự giác giữ gìn vỉa hè, bỏ rác đúng giờ.",
            "Chính quyền cần đi cùng người dân: đặt thêm thùng rác, đèn chiếu sáng và xử lý nghiêm các trường hợp vi phạm.",
        ],
    ),
    (
        "Giới thiệu điểm đến: đường đi bộ ven biển Bãi Trước",
        "du-lich-dia-phuong",
        "article",
        [
            "Con đường ven biển rợp bóng dừa là nơi người dân và du khách đi dạo, ngắm hoàng hôn mỗi chiều.",
            "Du khách nên đi vào sáng sớm hoặc chiều muộn, giữ gìn vệ sinh chung và không xả rác xuống biển.",
        ],
    ),
    (
        "Tỉnh triển khai kế hoạch chuyển đổi số năm 2024",
        "chuyen-doi-so",
        "news",
        [
            "UBND tỉnh ban hành kế hoạch chuyển đổi số, đặt mục tiêu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến.",
            "Các phường, xã được giao rà soát hạ tầng và bồi dưỡng kỹ năng số cho cán bộ, công chức.",
        ],
    ),
    (
        "Lễ giao nhận quân: thanh niên hăng hái lên đường nhập ngũ",
        "quoc-phong-an-ninh",
        "reportage",
        [
            "Trong không khí trang nghiêm, các tân binh của {place} nhận hoa chúc mừng từ lãnh đạo địa phương và gia đình.",
            "Ban Chỉ huy Quân sự {place_short} đã hoàn thành chỉ tiêu giao quân được giao.",
        ],
    ),
    (
        "Tuyên truyền phòng, chống sốt xuất huyết mùa mưa",
        "van-hoa-xa-hoi",
        "news",
        [
            "Trạm Y tế phối hợp các khu phố phát tờ rơi, hướng dẫn người dân diệt lăng quăng, úp ngược vật dụng chứa nước.",
            "Người có biểu hiện sốt cao liên tục cần đến cơ sở y tế để được khám và theo dõi.",
        ],
    ),
]
QUOTED_SOURCES = [
    ("Báo Bà Rịa – Vũng Tàu", "https://baobariavungtau.com.vn/", "Minh Hòa"),
    ("Cổng Thông tin điện tử tỉnh Bà Rịa – Vũng Tàu", "https://baria-vungtau.gov.vn/", ""),
]
TAGS = ["môi trường", "cải cách hành chính", "chuyển đổi số", "an sinh xã hội", "an ninh trật tự", "du lịch"]

# English versions of a few published demo articles (by index in ARTICLES): title, summary, body
# paragraphs; {place_en} is the portal's English name, {place_short_en} "ward", "commune" or "city".
# The other articles stay in Vietnamese only, so the English pages show both paths.
ENGLISH_ARTICLES = {
    2: (
        "How to apply online on the Public Service Portal",
        "Residents can apply for birth registration, certified copies and many other procedures "
        "through the National Public Service Portal.",
        [
            "The one-stop office of the {place_short_en} has staff on hand to help during office hours, "
            "from Monday to Saturday morning."
        ],
    ),
    3: (
        "Digital skills training for the community digital technology teams",
        "More than 60 members of the community digital technology teams of {place_en} learnt to install "
        "VNeID, to pay without cash and to recognise online scams.",
        ["The teams will help older people and small businesses in every neighbourhood."],
    ),
    5: (
        "Fire-fighting and rescue drill in a residential area",
        "The drill simulated a fire in a house on a narrow alley, with a person trapped upstairs.",
        [
            "Civil defence volunteers, the {place_short_en} police and the fire service put the fire out "
            "and gave first aid within 15 minutes.",
            "Residents were shown how to use a fire extinguisher and how to get out safely.",
        ],
    ),
}
# A correction made to the Vietnamese after it was translated (article index → new last paragraph,
# revision note): that article's English is shown, and listed to translators, as out of date.
CORRECTED_AFTER_TRANSLATION = {
    5: (
        "Người dân được hướng dẫn sử dụng bình chữa cháy, thoát nạn an toàn và gọi số 114 khi có cháy.",
        "Bổ sung số điện thoại báo cháy",
    )
}
