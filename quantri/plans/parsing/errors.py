"""The one error the parser raises: a document it cannot read, with a message for the user."""

ACCEPTED = ".txt, .md, .docx, .pdf"

EMPTY = "Tệp “%(filename)s” rỗng: không có nội dung để đọc."
EMPTY_TEXT = "Tệp “%(filename)s” không có chữ nào để đọc."
TOO_BIG = (
    "Tệp “%(filename)s” nặng %(size_mb).1f MB, vượt giới hạn %(limit_mb)g MB. "
    "Hãy tách tệp hoặc bỏ bớt hình ảnh rồi tải lên lại."
)
UNKNOWN_FORMAT = (
    "Không đọc được tệp “%(filename)s”: định dạng %(ext)s không được hỗ trợ. "
    "Chỉ nhận các định dạng " + ACCEPTED + "."
)
OLD_WORD = (
    "Tệp “%(filename)s” là tệp Word cũ (.doc). Hãy mở bằng Word và lưu thành .docx "
    "(chỉ nhận các định dạng " + ACCEPTED + ")."
)
MISMATCH = (
    "Tệp “%(filename)s” có đuôi %(ext)s nhưng nội dung là tệp %(actual)s. "
    "Hãy đổi đúng đuôi tệp (chỉ nhận các định dạng " + ACCEPTED + ")."
)
NOT_TEXT = (
    "Tệp “%(filename)s” không phải văn bản thuần (.txt) đọc được. "
    "Chỉ nhận các định dạng " + ACCEPTED + "."
)
CORRUPT_DOCX = "Tệp “%(filename)s” không phải tệp Word (.docx) hợp lệ hoặc đã bị hỏng."
UNPACKS_TOO_BIG = (
    "Tệp “%(filename)s” khi giải nén lớn tới %(size_mb).0f MB, vượt giới hạn %(limit_mb).0f MB; "
    "hãy kiểm tra lại tệp (có thể chứa nhiều ảnh hoặc bị làm giả)."
)
CORRUPT_PDF = "Tệp “%(filename)s” không phải tệp PDF hợp lệ hoặc đã bị hỏng."
ENCRYPTED_PDF = (
    "Tệp PDF “%(filename)s” được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu rồi tải lên lại."
)
SCANNED_PDF = (
    "Tệp PDF “%(filename)s” không có lớp chữ (có thể là bản chụp/quét). "
    "Hãy nhận dạng chữ (OCR) trước, hoặc tải lên bản .docx."
)
UNREADABLE_LAYOUT = (
    "Không phân tích được bố cục của tệp “%(filename)s”. Hãy lưu lại thành .docx hoặc .txt "
    "rồi tải lên lại, hoặc gửi tệp cho quản trị hệ thống."
)
NO_TASKS = (
    "Không tìm thấy nhiệm vụ nào trong tệp “%(filename)s”. Kế hoạch cần có phần "
    "“Nhiệm vụ, giải pháp” với các nhiệm vụ được đánh số, gạch đầu dòng hoặc kẻ bảng."
)


class PlanDocumentError(Exception):
    """A plan document that cannot be read.

    The message is ``template % params`` so that callers can translate the template and
    still fill in the file name and figures.
    """

    def __init__(self, template: str, **params):
        self.template = template
        self.params = params
        super().__init__(template % params)

    def __str__(self) -> str:
        return self.template % self.params
