"""Vietnamese family names (họ), the commonest first, for checking and snapping OCR'd signer names."""

FAMILY_NAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Tô", "Đoàn", "Lương", "Thạch", "Hà", "Cao", "Châu", "Tạ",
    "Trịnh", "Đào", "Kiều", "Quách", "Lưu", "Vương", "Tăng", "Triệu", "Thái", "Chu", "Lại", "Khúc", "Nông",
    "Hứa", "Giang", "Tống", "Lò", "Mạc", "Phùng", "Văn", "Âu", "La", "Doãn", "Diệp", "Từ", "Kim", "Danh",
)
