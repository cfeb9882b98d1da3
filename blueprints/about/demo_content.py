"""Demo texts for the introduction: the city, three wards in detail, a template for the others.

Illustrative content written for the demo, not official data; people are fictitious.
"""

from __future__ import annotations

RICH = {
    "vungtau": {
        "history": (
            "<p>Vũng Tàu xưa là vùng đất thuộc Bà Rịa, được biết đến với tên gọi Tam Thắng từ thế kỷ XIX. "
            "Năm 1991, thành phố Vũng Tàu trở thành tỉnh lỵ của tỉnh Bà Rịa – Vũng Tàu.</p>"
            "<p>Ngày nay thành phố là trung tâm du lịch biển và dịch vụ dầu khí của cả nước.</p>",
            "<p>Vung Tau was once part of Ba Ria, known in the 19th century as Tam Thang. In 1991 Vung Tau "
            "city became the capital of Ba Ria – Vung Tau province.</p><p>Today it is a centre of seaside "
            "tourism and of the oil and gas services industry.</p>",
        ),
        "nature": (
            "<p>Thành phố nằm trên bán đảo, ba mặt giáp biển, diện tích khoảng 150 km², khí hậu nhiệt đới gió mùa "
            "với hai mùa mưa, nắng rõ rệt; nhiệt độ trung bình khoảng 27°C.</p>",
            "<p>The city lies on a peninsula bordered by the sea on three sides, about 150 km² in area, with a "
            "tropical monsoon climate, a rainy and a dry season, and an average temperature of about 27°C.</p>",
        ),
        "culture": (
            "<ul><li>Tượng Chúa Kitô Vua trên Núi Nhỏ</li><li>Ngọn hải đăng Vũng Tàu</li>"
            "<li>Bạch Dinh (Villa Blanche)</li><li>Lễ hội Nghinh Ông Thắng Tam (di sản văn hóa phi vật thể quốc gia)</li></ul>",
            "<ul><li>The Christ the King statue on Small Mountain</li><li>Vung Tau lighthouse</li>"
            "<li>White Palace (Villa Blanche)</li><li>The Nghinh Ong festival of Thang Tam (national intangible heritage)</li></ul>",
        ),
    },
    "phuong-1": {
        "history": (
            "<p>Phường 1 là một trong những phường trung tâm lâu đời nhất của thành phố, nơi có Chợ Vũng Tàu "
            "và khu phố cổ quanh đường Trưng Trắc, Ba Cu.</p>",
            "<p>Ward 1 is one of the oldest central wards of the city, home to Vung Tau market and the old "
            "streets around Trung Trac and Ba Cu.</p>",
        ),
        "nature": (
            "<p>Diện tích tự nhiên khoảng 1,2 km², địa hình bằng phẳng, giáp vịnh Bến Đình ở phía tây.</p>",
            "<p>About 1.2 km² of flat land, bordered by Ben Dinh bay to the west.</p>",
        ),
        "culture": (
            "<ul><li>Bảo tàng Bà Rịa – Vũng Tàu</li><li>Chợ Vũng Tàu</li><li>Đình thần Thắng Nhì (lân cận)</li></ul>",
            "<ul><li>Ba Ria – Vung Tau museum</li><li>Vung Tau market</li><li>Thang Nhi communal house (nearby)</li></ul>",
        ),
    },
    "thang-tam": {
        "history": (
            "<p>Phường Thắng Tam gắn với làng Thắng Tam, một trong ba làng Tam Thắng do triều Nguyễn lập năm 1822 "
            "để canh giữ cửa biển.</p>",
            "<p>Thang Tam ward grew from Thang Tam village, one of the three Tam Thang villages founded by the "
            "Nguyen court in 1822 to guard the sea gate.</p>",
        ),
        "nature": (
            "<p>Phường có Bãi Sau (Bãi Thùy Vân) dài hơn 8 km, đồi Núi Nhỏ và nhiều khu nghỉ dưỡng ven biển.</p>",
            "<p>The ward has Back Beach (Thuy Van beach), over 8 km long, Small Mountain hill and many seaside resorts.</p>",
        ),
        "culture": (
            "<ul><li>Lăng Cá Ông Thắng Tam và Lễ hội Nghinh Ông</li><li>Miếu Hàng Điều</li><li>Niết Bàn Tịnh Xá</li></ul>",
            "<ul><li>The Whale Temple of Thang Tam and the Nghinh Ong festival</li><li>Hang Dieu shrine</li>"
            "<li>Niet Ban Tinh Xa pagoda</li></ul>",
        ),
    },
    "long-son": {
        "history": (
            "<p>Xã Long Sơn là xã đảo duy nhất của thành phố, gắn với Nhà Lớn Long Sơn do ông Trần Văn Năm "
            "(Ông Trần) xây dựng từ đầu thế kỷ XX.</p>",
            "<p>Long Son is the city's only island commune, known for the Great House of Long Son built by "
            "Mr Tran Van Nam (Ong Tran) in the early 20th century.</p>",
        ),
        "nature": (
            "<p>Diện tích khoảng 92 km², gồm đảo Long Sơn và các bãi bồi, rừng ngập mặn; người dân sống bằng "
            "nuôi hàu, tôm cá lồng bè và làm muối.</p>",
            "<p>About 92 km² of island, mudflats and mangroves; people live from oyster and cage fish farming "
            "and salt making.</p>",
        ),
        "culture": (
            "<ul><li>Nhà Lớn Long Sơn (di tích quốc gia)</li><li>Núi Nứa</li><li>Làng bè nuôi hàu</li></ul>",
            "<ul><li>The Great House of Long Son (national monument)</li><li>Nua mountain</li>"
            "<li>Oyster farming raft villages</li></ul>",
        ),
    },
}


def generic(name_vi: str, name_en: str) -> dict:
    return {
        "history": (
            f"<p>{name_vi} được thành lập theo quyết định của Chính phủ về điều chỉnh địa giới hành chính "
            "thành phố Vũng Tàu, là đơn vị hành chính cấp cơ sở trực thuộc thành phố.</p>",
            f"<p>{name_en} was established by the Government's decision on the administrative boundaries of "
            "Vung Tau city, as a grassroots administrative unit of the city.</p>",
        ),
        "nature": (
            f"<p>{name_vi} có địa hình tương đối bằng phẳng, khí hậu nhiệt đới gió mùa, chịu ảnh hưởng của biển.</p>",
            f"<p>{name_en} is mostly flat, with a tropical monsoon climate tempered by the sea.</p>",
        ),
        "culture": (
            "<p>Trên địa bàn có các đình, chùa, nhà thờ và thiết chế văn hóa cộng đồng phục vụ nhân dân.</p>",
            "<p>The area has communal houses, pagodas, churches and community cultural centres.</p>",
        ),
    }


WARD_FUNCTIONS = (
    "<p>Ủy ban nhân dân {name} là cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Hội đồng nhân dân "
    "cùng cấp và Ủy ban nhân dân thành phố. Nhiệm vụ chính:</p><ul><li>Tổ chức thi hành Hiến pháp, pháp luật "
    "trên địa bàn;</li><li>Quản lý dân cư, đất đai, trật tự xây dựng, vệ sinh môi trường;</li><li>Giải quyết thủ tục "
    "hành chính cho người dân và doanh nghiệp;</li><li>Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội.</li></ul>",
    "<p>The People's Committee of {name_en} is the local state administrative body, accountable to the People's "
    "Council and to the city People's Committee. Its main duties:</p><ul><li>enforcing the Constitution and the law "
    "locally;</li><li>managing residents, land, building order and sanitation;</li><li>handling administrative "
    "procedures for citizens and businesses;</li><li>ensuring defence, security and public order.</li></ul>",
)

# name_vi, name_en, functions_vi, functions_en (children of the People's Committee)
WARD_UNITS = [
    (
        "Văn phòng – Thống kê",
        "Office and Statistics",
        "Tham mưu tổng hợp, văn thư, lưu trữ, thống kê, một cửa.",
        "General advice, records, archives, statistics and the one-stop desk.",
    ),
    (
        "Địa chính – Xây dựng – Đô thị và Môi trường",
        "Land, Construction, Urban Affairs and Environment",
        "Quản lý đất đai, trật tự xây dựng, đô thị và môi trường.",
        "Land, building order, urban affairs and environment.",
    ),
    (
        "Tư pháp – Hộ tịch",
        "Justice and Civil Status",
        "Hộ tịch, chứng thực, phổ biến giáo dục pháp luật, hòa giải cơ sở.",
        "Civil status, certification, legal education and grassroots mediation.",
    ),
    (
        "Văn hóa – Xã hội",
        "Culture and Social Affairs",
        "Văn hóa, thông tin, thể thao, lao động, thương binh và xã hội.",
        "Culture, information, sport, labour, war invalids and social affairs.",
    ),
    (
        "Tài chính – Kế toán",
        "Finance and Accounting",
        "Ngân sách, tài chính, kế toán của phường.",
        "Budget, finance and accounting.",
    ),
    (
        "Công an",
        "Police",
        "Bảo đảm an ninh, trật tự an toàn xã hội, quản lý cư trú.",
        "Security, public order and residence management.",
    ),
    (
        "Ban Chỉ huy Quân sự",
        "Military Command",
        "Tham mưu công tác quốc phòng, quân sự địa phương.",
        "Local defence and military affairs.",
    ),
]

CITY_UNITS = [
    (
        "Văn phòng HĐND và UBND thành phố",
        "Office of the City People's Council and People's Committee",
        "Tham mưu tổng hợp, điều phối hoạt động chung của HĐND và UBND thành phố.",
        "General advice and coordination.",
    ),
    (
        "Phòng Nội vụ",
        "Home Affairs Division",
        "Tổ chức bộ máy, công chức, thi đua khen thưởng, cải cách hành chính.",
        "Organisation, civil service, commendations and administrative reform.",
    ),
    (
        "Phòng Tư pháp",
        "Justice Division",
        "Văn bản quy phạm pháp luật, hộ tịch, phổ biến pháp luật.",
        "Legal documents, civil status and legal education.",
    ),
    (
        "Phòng Tài chính – Kế hoạch",
        "Finance and Planning Division",
        "Ngân sách, đầu tư công, đăng ký kinh doanh.",
        "Budget, public investment and business registration.",
    ),
    (
        "Phòng Quản lý đô thị",
        "Urban Management Division",
        "Quy hoạch, xây dựng, giao thông, hạ tầng đô thị.",
        "Planning, construction, transport and urban infrastructure.",
    ),
    (
        "Phòng Tài nguyên và Môi trường",
        "Natural Resources and Environment Division",
        "Đất đai, tài nguyên, môi trường, biển đảo.",
        "Land, resources, environment, sea and islands.",
    ),
    (
        "Phòng Văn hóa và Thông tin",
        "Culture and Information Division",
        "Văn hóa, du lịch, thông tin, quản lý Cổng thông tin điện tử.",
        "Culture, tourism, information and the e-portal.",
    ),
]

# leaders: (name, title_vi, title_en, duties_vi, duties_en)
LEADER_TITLES = [
    (
        "Chủ tịch Ủy ban nhân dân",
        "Chairman of the People's Committee",
        "<p>Lãnh đạo, điều hành chung mọi hoạt động của Ủy ban nhân dân; trực tiếp phụ trách nội chính, tổ chức cán bộ, "
        "tài chính – ngân sách, quy hoạch và đất đai.</p>",
        "<p>Leads and runs all the work of the People's Committee; directly in charge of internal affairs, staff, "
        "finance and budget, planning and land.</p>",
    ),
    (
        "Phó Chủ tịch Ủy ban nhân dân (kinh tế)",
        "Vice-Chairman of the People's Committee (economy)",
        "<p>Phụ trách kinh tế, đô thị, xây dựng, tài nguyên – môi trường; trực tiếp chỉ đạo công tác trật tự đô thị.</p>",
        "<p>In charge of the economy, urban affairs, construction, natural resources and environment.</p>",
    ),
    (
        "Phó Chủ tịch Ủy ban nhân dân (văn hóa – xã hội)",
        "Vice-Chairwoman of the People's Committee (culture and society)",
        "<p>Phụ trách văn hóa – xã hội, giáo dục, y tế, lao động – thương binh và xã hội, Cổng thông tin điện tử.</p>",
        "<p>In charge of culture and society, education, health, labour and social affairs, and the e-portal.</p>",
    ),
]
PEOPLE = [
    "Nguyễn Văn Hùng",
    "Trần Minh Tuấn",
    "Lê Thị Thu Hà",
    "Phạm Quốc Bảo",
    "Võ Thị Ngọc Lan",
    "Đặng Hoàng Nam",
    "Bùi Thanh Tâm",
    "Huỳnh Thị Mai",
    "Ngô Đức Thịnh",
    "Đỗ Thị Hồng Nhung",
    "Hồ Văn Phúc",
    "Dương Thị Kim Oanh",
    "Phan Thanh Sơn",
    "Trương Thị Bích Ngọc",
    "Lâm Văn Khoa",
    "Châu Thị Diễm",
]
