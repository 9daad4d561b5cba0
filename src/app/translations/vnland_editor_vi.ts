<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>vnland::app</name>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Clipped by %n neighbour(s) (%1): %2 m² removed to avoid an overlap</source>
        <translation>Đã cắt theo %n thửa liền kề (%1): bỏ %2 m² để tránh chồng đè</translation>
    </message>
    <message>
        <source>Warning: neighbour parcel(s) %1 are invalid; they were repaired for the clip only — check them</source>
        <translation>Cảnh báo: thửa liền kề %1 có hình học không hợp lệ; chỉ được sửa tạm để cắt — hãy kiểm tra lại</translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>Không có gì thay đổi</translation>
    </message>
    <message>
        <source>Refused: parcel %1 would become invalid (%2)</source>
        <translation>Từ chối: thửa %1 sẽ có hình học không hợp lệ (%2)</translation>
    </message>
    <message>
        <source>A parcel needs at least 3 vertices</source>
        <translation>Thửa đất cần ít nhất 3 đỉnh thửa</translation>
    </message>
    <message>
        <source>The parcel was not added: %1</source>
        <translation>Không thêm được thửa đất: %1</translation>
    </message>
    <message>
        <source>The new parcel lies outside every sheet frame: it has no sheet or parcel number</source>
        <translation>Thửa mới nằm ngoài mọi khung tờ bản đồ: chưa có số tờ, số thửa</translation>
    </message>
    <message>
        <source>Add parcel</source>
        <translation>Thêm thửa</translation>
    </message>
    <message>
        <source>No vertex here</source>
        <translation>Không có đỉnh thửa ở đây</translation>
    </message>
    <message>
        <source>Move vertex</source>
        <translation>Di chuyển đỉnh thửa</translation>
    </message>
    <message>
        <source>Insert vertex</source>
        <translation>Thêm đỉnh thửa</translation>
    </message>
    <message>
        <source>Delete vertex</source>
        <translation>Xóa đỉnh thửa</translation>
    </message>
    <message>
        <source>Draw a line of at least 2 points across the parcel</source>
        <translation>Vẽ một đường ít nhất 2 điểm cắt ngang thửa</translation>
    </message>
    <message>
        <source>The line crosses %n parcels: select the one to split</source>
        <translation>Đường cắt qua %n thửa: hãy chọn thửa cần tách</translation>
    </message>
    <message>
        <source>The line does not cross a parcel from side to side</source>
        <translation>Đường không cắt ngang hết một thửa</translation>
    </message>
    <message>
        <source>Parcel %1 is not a live parcel</source>
        <translation>Thửa %1 không còn hiệu lực</translation>
    </message>
    <message>
        <source>Split parcel</source>
        <translation>Tách thửa</translation>
    </message>
    <message>
        <source>Select at least two adjacent parcels to merge</source>
        <translation>Chọn ít nhất hai thửa liền kề để hợp thửa</translation>
    </message>
    <message>
        <source>Merge parcels</source>
        <translation>Hợp thửa</translation>
    </message>
    <message>
        <source>No parcel selected</source>
        <translation>Chưa chọn thửa đất</translation>
    </message>
    <message>
        <source>Delete %n parcel(s)</source>
        <translation>Xóa %n thửa</translation>
    </message>
    <message>
        <source>Sheet %1 has no parcels</source>
        <translation>Tờ %1 chưa có thửa</translation>
    </message>
    <message>
        <source>Sheet %1 is already numbered in order</source>
        <translation>Tờ %1 đã được đánh số theo thứ tự</translation>
    </message>
    <message>
        <source>Sheet %1: %n parcel(s) renumbered</source>
        <translation>Tờ %1: đã đánh số lại %n thửa</translation>
    </message>
    <message>
        <source>Renumber sheet %1</source>
        <translation>Đánh số lại tờ %1</translation>
    </message>
    <message>
        <source>The parcel was not added: the hole it leaves in parcel id %1 is not valid (%2)</source>
        <translation>Chưa thêm thửa: lỗ thủng để lại trong thửa id %1 không hợp lệ (%2)</translation>
    </message>
    <message>
        <source>Added inside parcel %1: it is now a hole (inner ring) of that parcel</source>
        <translation>Đã thêm bên trong thửa %1: thửa mới là lỗ thủng (vòng trong) của thửa đó</translation>
    </message>
    <message>
        <source>Parcel number %1 is already used on sheet %2: the new parcel got number %3</source>
        <translation>Số thửa %1 đã có trên tờ %2: thửa mới được đánh số %3</translation>
    </message>
    <message>
        <source>The parcel number on the scan was not read: the new parcel got number %1, above the numbers printed on the sheet; check it against the sheet</source>
        <translation>Chưa đọc được số thửa trên ảnh quét: thửa mới được đánh số %1, lớn hơn các số in trên tờ bản đồ; hãy đối chiếu với tờ bản đồ</translation>
    </message>
</context>
<context>
    <name>vnland::app::ApplyFixCommand</name>
    <message>
        <source>%1 was not applied: %2</source>
        <translation>Chưa áp dụng %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be undone: %2</source>
        <translation>Không hoàn tác được %1: %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::AttributeTable</name>
    <message>
        <source>Filter (number, code, land user, address…)</source>
        <translation>Lọc (số, mã, chủ sử dụng, địa chỉ…)</translation>
    </message>
</context>
<context>
    <name>vnland::app::CandidateReview</name>
    <message>
        <source>no label found</source>
        <translation>không tìm thấy nhãn thửa</translation>
    </message>
    <message>
        <source>several labels</source>
        <translation>có nhiều nhãn thửa</translation>
    </message>
    <message>
        <source>land-use code not in the code list</source>
        <translation>mã loại đất không có trong danh mục</translation>
    </message>
    <message>
        <source>land-use code uncertain</source>
        <translation>mã loại đất đọc chưa chắc chắn</translation>
    </message>
    <message>
        <source>parcel number not read</source>
        <translation>chưa đọc được số thửa</translation>
    </message>
    <message>
        <source>area not read</source>
        <translation>chưa đọc được diện tích</translation>
    </message>
    <message>
        <source>printed area differs from the polygon</source>
        <translation>diện tích ghi trên bản đồ khác diện tích thửa vẽ</translation>
    </message>
    <message>
        <source>parcel number used twice</source>
        <translation>số thửa bị trùng</translation>
    </message>
    <message>
        <source>very small</source>
        <translation>thửa rất nhỏ</translation>
    </message>
    <message>
        <source>very thin</source>
        <translation>thửa rất hẹp</translation>
    </message>
    <message>
        <source>label read with low confidence</source>
        <translation>nhãn đọc với độ tin cậy thấp</translation>
    </message>
    <message>
        <source>No unreviewed candidate selected</source>
        <translation>Chưa chọn thửa đề xuất nào chưa rà soát</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n candidate(s)</source>
        <translation>
            <numerusform>Chấp nhận %n thửa đề xuất</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n candidate(s)</source>
        <translation>
            <numerusform>Loại bỏ %n thửa đề xuất</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>Không có gì thay đổi</translation>
    </message>
</context>
<context>
    <name>vnland::app::ChangeValue</name>
    <message>
        <source>Change %1</source>
        <translation>Sửa %1</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>Chưa lưu %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be undone: %2</source>
        <translation>Không hoàn tác được %1: %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::CogoDialog</name>
    <message>
        <source>COGO traverse</source>
        <translation>Đường chuyền COGO</translation>
    </message>
    <message>
        <source>X (north), m</source>
        <translation>X (bắc), m</translation>
    </message>
    <message>
        <source>Y (east), m</source>
        <translation>Y (đông), m</translation>
    </message>
    <message>
        <source>Start point</source>
        <translation>Điểm đầu (điểm khởi tính)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên điểm:</translation>
    </message>
    <message>
        <source>X (north):</source>
        <translation>X (bắc):</translation>
    </message>
    <message>
        <source>Y (east):</source>
        <translation>Y (đông):</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Bearing (azimuth, DMS)</source>
        <translation>Phương vị (độ-phút-giây)</translation>
    </message>
    <message>
        <source>Distance (m)</source>
        <translation>Khoảng cách (m)</translation>
    </message>
    <message>
        <source>Azimuth from grid north, clockwise: 26-10-00, 26°10&apos;00&quot;, 26.1667 or N26-10-00E</source>
        <translation>Phương vị tính từ hướng bắc lưới, theo chiều kim đồng hồ: 26-10-00, 26°10&apos;00&quot;, 26.1667 hoặc N26-10-00E</translation>
    </message>
    <message>
        <source>Add leg</source>
        <translation>Thêm cạnh</translation>
    </message>
    <message>
        <source>Remove leg</source>
        <translation>Xóa cạnh</translation>
    </message>
    <message>
        <source>Open traverse (no closing point)</source>
        <translation>Đường chuyền hở (không có điểm khép)</translation>
    </message>
    <message>
        <source>Closes on the start point (loop)</source>
        <translation>Khép về điểm đầu (đường chuyền khép kín)</translation>
    </message>
    <message>
        <source>Closes on a known point</source>
        <translation>Khép về một điểm đã biết tọa độ</translation>
    </message>
    <message>
        <source>Closing point</source>
        <translation>Điểm khép</translation>
    </message>
    <message>
        <source>X (north)</source>
        <translation>X (bắc)</translation>
    </message>
    <message>
        <source>Y (east)</source>
        <translation>Y (đông)</translation>
    </message>
    <message>
        <source>Store points in the project</source>
        <translation>Lưu các điểm vào dự án</translation>
    </message>
    <message>
        <source>Result (compass-rule adjusted)</source>
        <translation>Kết quả (bình sai theo phương pháp Bowditch)</translation>
    </message>
    <message>
        <source>Misclose:</source>
        <translation>Sai số khép:</translation>
    </message>
    <message>
        <source>Relative misclose:</source>
        <translation>Sai số khép tương đối:</translation>
    </message>
    <message>
        <source>Legs:</source>
        <translation>Các cạnh đường chuyền:</translation>
    </message>
    <message>
        <source>Enter the start point&apos;s X (north) and Y (east).</source>
        <translation>Nhập tọa độ X (bắc) và Y (đông) của điểm đầu.</translation>
    </message>
    <message>
        <source>Enter the closing point&apos;s X (north) and Y (east).</source>
        <translation>Nhập tọa độ X (bắc) và Y (đông) của điểm khép.</translation>
    </message>
    <message>
        <source>Leg %1: the bearing &apos;%2&apos; is not readable (e.g. 26-10-00).</source>
        <translation>Cạnh %1: không đọc được phương vị &apos;%2&apos; (ví dụ 26-10-00).</translation>
    </message>
    <message>
        <source>Leg %1: the distance &apos;%2&apos; is not a positive number.</source>
        <translation>Cạnh %1: khoảng cách &apos;%2&apos; không phải là số dương.</translation>
    </message>
    <message>
        <source>Enter at least one leg (bearing and distance).</source>
        <translation>Nhập ít nhất một cạnh (phương vị và khoảng cách).</translation>
    </message>
    <message>
        <source>f = %1 m (fX = %2 m, fY = %3 m), length %4 m</source>
        <translation>f = %1 m (fX = %2 m, fY = %3 m), tổng chiều dài %4 m</translation>
    </message>
    <message>
        <source>exact (no misclose)</source>
        <translation>khép đúng (không có sai số khép)</translation>
    </message>
    <message>
        <source>open traverse, no misclose (length %1 m)</source>
        <translation>đường chuyền hở, không có sai số khép (tổng chiều dài %1 m)</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s).</source>
        <translation>
            <numerusform>%n cạnh.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was stored: %1</source>
        <translation>Chưa lưu gì: %1</translation>
    </message>
    <message>
        <source>Stored %1 point(s) and %2 leg(s) in the project.</source>
        <translation>Đã lưu %1 điểm và %2 cạnh vào dự án.</translation>
    </message>
</context>
<context>
    <name>vnland::app::CrashJournal</name>
    <message>
        <source>Could not write the journal %1</source>
        <translation>Không ghi được nhật ký %1</translation>
    </message>
    <message>
        <source>%1: cannot read the journal</source>
        <translation>%1: không đọc được nhật ký</translation>
    </message>
    <message>
        <source>%1 is not an editor journal</source>
        <translation>%1 không phải nhật ký của chương trình</translation>
    </message>
    <message>
        <source>The undo history in the journal no longer matches the project; only the drawing is restored</source>
        <translation>Lịch sử hoàn tác trong nhật ký không còn khớp với dự án; chỉ khôi phục phần đang vẽ</translation>
    </message>
</context>
<context>
    <name>vnland::app::DigitizeActions</name>
    <message>
        <source>&amp;Digitize</source>
        <translation>Số &amp;hóa</translation>
    </message>
    <message>
        <source>Digitizing toolbar</source>
        <translation>Thanh công cụ số hóa</translation>
    </message>
    <message>
        <source>&amp;Add parcel</source>
        <translation>&amp;Thêm thửa</translation>
    </message>
    <message>
        <source>Edit &amp;vertices</source>
        <translation>&amp;Sửa đỉnh thửa</translation>
    </message>
    <message>
        <source>&amp;Split parcel</source>
        <translation>Tá&amp;ch thửa</translation>
    </message>
    <message>
        <source>&amp;Trace along boundaries (hold T)</source>
        <translation>&amp;Vẽ bám theo ranh giới (giữ phím T)</translation>
    </message>
    <message>
        <source>S&amp;napping</source>
        <translation>&amp;Bắt điểm</translation>
    </message>
    <message>
        <source>Parcel &amp;vertices</source>
        <translation>Đỉnh &amp;thửa</translation>
    </message>
    <message>
        <source>Parcel &amp;edges</source>
        <translation>&amp;Cạnh thửa</translation>
    </message>
    <message>
        <source>Sheet &amp;frames</source>
        <translation>&amp;Khung bản đồ</translation>
    </message>
    <message>
        <source>&amp;Grid crosses</source>
        <translation>&amp;Mắt lưới</translation>
    </message>
    <message>
        <source>&amp;Survey points</source>
        <translation>Điểm đ&amp;o</translation>
    </message>
    <message>
        <source>&amp;Merge selected parcels…</source>
        <translation>&amp;Hợp các thửa đã chọn…</translation>
    </message>
    <message>
        <source>&amp;Delete selected parcels</source>
        <translation>&amp;Xóa các thửa đã chọn</translation>
    </message>
    <message>
        <source>&amp;Renumber sheet</source>
        <translation>Đánh số &amp;lại tờ</translation>
    </message>
    <message>
        <source>%1 is read: click inside an area to fill it as a parcel</source>
        <translation>Đã đọc xong %1: nhấp vào bên trong một vùng để tạo thửa từ vùng đó</translation>
    </message>
    <message>
        <source>Fill parcel cannot use %1: %2</source>
        <translation>Không dùng được %1 để tạo thửa từ ảnh quét: %2</translation>
    </message>
    <message>
        <source>&amp;Fill parcel from the scan</source>
        <translation>&amp;Tạo thửa từ ảnh quét</translation>
    </message>
</context>
<context>
    <name>vnland::app::DigitizeTools</name>
    <message>
        <source>Next vertex: distance &lt; bearing (12.5 &lt; 123°45&apos;30&quot;) or X Y</source>
        <translation>Đỉnh tiếp theo: khoảng cách &lt; phương vị (12.5 &lt; 123°45&apos;30&quot;) hoặc X Y</translation>
    </message>
    <message>
        <source>Distance in metres and bearing from grid north in degrees-minutes-seconds, measured from the last vertex; or the coordinates X (north) Y (east). Enter adds the vertex.</source>
        <translation>Khoảng cách (mét) và phương vị tính từ hướng bắc lưới theo độ-phút-giây, đo từ đỉnh cuối; hoặc tọa độ X (bắc) Y (đông). Enter để thêm đỉnh.</translation>
    </message>
    <message>
        <source>Tracing: %1</source>
        <translation>Vẽ bám ranh giới: %1</translation>
    </message>
    <message>
        <source>Parcel added</source>
        <translation>Đã thêm thửa</translation>
    </message>
    <message numerus="yes">
        <source>Parcel split into %n parcel(s)</source>
        <translation>
            <numerusform>Đã tách thửa thành %n thửa</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the add-parcel or split tool first</source>
        <translation>Hãy chọn công cụ thêm thửa hoặc tách thửa trước</translation>
    </message>
    <message>
        <source>Distance and bearing need a first vertex: click it or type X Y</source>
        <translation>Khoảng cách và phương vị cần một đỉnh đầu: nhấp chuột hoặc gõ X Y</translation>
    </message>
    <message>
        <source>Select at least two adjacent parcels to merge</source>
        <translation>Chọn ít nhất hai thửa liền kề để hợp thửa</translation>
    </message>
    <message>
        <source>Merge parcels</source>
        <translation>Hợp thửa</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) become one; the old ones go into history.</source>
        <translation>
            <numerusform>%n thửa được hợp thành một; các thửa cũ chuyển vào lịch sử.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sheet %1, parcel %2 — %3 %4</source>
        <translation>Tờ %1, thửa %2 — %3 %4</translation>
    </message>
    <message>
        <source>Keep the attributes of</source>
        <translation>Giữ thuộc tính của</translation>
    </message>
    <message>
        <source>Parcels merged</source>
        <translation>Đã hợp thửa</translation>
    </message>
    <message>
        <source>Parcels moved into history</source>
        <translation>Đã chuyển các thửa vào lịch sử</translation>
    </message>
    <message>
        <source>Select a parcel of the sheet to renumber</source>
        <translation>Chọn một thửa của tờ cần đánh số lại</translation>
    </message>
    <message>
        <source>Double-click on a parcel edge to add a vertex</source>
        <translation>Nhấp đúp vào cạnh thửa để thêm đỉnh</translation>
    </message>
    <message>
        <source>Open a project first</source>
        <translation>Hãy mở một dự án trước</translation>
    </message>
    <message>
        <source>Fill parcel needs a scan layer</source>
        <translation>Tạo thửa từ ảnh quét cần một lớp ảnh quét</translation>
    </message>
    <message>
        <source>No enclosed area of the scan here (on a line, or outside the sheet frame)</source>
        <translation>Ở đây không có vùng khép kín nào của ảnh quét (nằm trên đường ranh giới hoặc ngoài khung bản đồ)</translation>
    </message>
    <message>
        <source>Fill parcel</source>
        <translation>Tạo thửa từ ảnh quét</translation>
    </message>
    <message>
        <source>Check the filled parcel: %1</source>
        <translation>Hãy kiểm tra thửa vừa tạo: %1</translation>
    </message>
    <message>
        <source>Parcel filled from the scan</source>
        <translation>Đã tạo thửa từ ảnh quét</translation>
    </message>
</context>
<context>
    <name>vnland::app::Document</name>
    <message>
        <source>%1: file not found</source>
        <translation>%1: không tìm thấy tệp</translation>
    </message>
    <message>
        <source>Sheet %1 – 1:%2</source>
        <translation>Tờ %1 – 1:%2</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) have no readable geometry and are not drawn</source>
        <translation>
            <numerusform>%n thửa không đọc được hình học nên không được vẽ</numerusform>
        </translation>
    </message>
    <message>
        <source>sheet number</source>
        <translation>số tờ</translation>
    </message>
    <message>
        <source>parcel number</source>
        <translation>số thửa</translation>
    </message>
    <message>
        <source>land-use code</source>
        <translation>mã loại đất</translation>
    </message>
    <message>
        <source>land user</source>
        <translation>chủ sử dụng</translation>
    </message>
    <message>
        <source>address</source>
        <translation>địa chỉ</translation>
    </message>
    <message>
        <source>legal area</source>
        <translation>diện tích pháp lý</translation>
    </message>
    <message>
        <source>No parcel selected</source>
        <translation>Chưa chọn thửa đất</translation>
    </message>
    <message>
        <source>The sheet number is required</source>
        <translation>Phải nhập số tờ</translation>
    </message>
    <message>
        <source>The parcel number is required</source>
        <translation>Phải nhập số thửa</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 1 to 99999</source>
        <translation>%1 phải là số nguyên từ 1 đến 99999</translation>
    </message>
    <message>
        <source>Sheet %1 already has parcel %2</source>
        <translation>Tờ %1 đã có thửa %2</translation>
    </message>
    <message>
        <source>Unknown land-use code %1</source>
        <translation>Mã loại đất %1 không có trong danh mục</translation>
    </message>
    <message>
        <source>The land user name is too long (at most 200 characters)</source>
        <translation>Tên chủ sử dụng quá dài (tối đa 200 ký tự)</translation>
    </message>
    <message>
        <source>The address is too long (at most 300 characters)</source>
        <translation>Địa chỉ quá dài (tối đa 300 ký tự)</translation>
    </message>
    <message>
        <source>The legal area must be a number of square metres</source>
        <translation>Diện tích pháp lý phải là một số (m²)</translation>
    </message>
    <message>
        <source>The legal area must be greater than 0 and at most 100 000 000 m²</source>
        <translation>Diện tích pháp lý phải lớn hơn 0 và không quá 100 000 000 m²</translation>
    </message>
    <message>
        <source>Parcel %1 no longer exists</source>
        <translation>Thửa %1 không còn tồn tại</translation>
    </message>
    <message>
        <source>Could not save the change to %1: %2</source>
        <translation>Không ghi được thay đổi vào %1: %2</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled</source>
        <translation>Đã hủy mở %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::GeometryEdit</name>
    <message>
        <source>%1 could not be redone: %2</source>
        <translation>Không làm lại được %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be undone: %2</source>
        <translation>Không hoàn tác được %1: %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::GeorefWindow</name>
    <message>
        <source>Linear (shift and scale)</source>
        <translation>Tuyến tính (dịch chuyển và tỷ lệ)</translation>
    </message>
    <message>
        <source>Helmert</source>
        <translation>Helmert</translation>
    </message>
    <message>
        <source>Affine (polynomial 1)</source>
        <translation>Afin (đa thức bậc 1)</translation>
    </message>
    <message>
        <source>Polynomial 2</source>
        <translation>Đa thức bậc 2</translation>
    </message>
    <message>
        <source>Polynomial 3</source>
        <translation>Đa thức bậc 3</translation>
    </message>
    <message>
        <source>Thin plate spline</source>
        <translation>Thin plate spline</translation>
    </message>
    <message>
        <source>Projective</source>
        <translation>Xạ ảnh</translation>
    </message>
    <message>
        <source>Georeference scanned map</source>
        <translation>Nắn bản đồ quét</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>e.g. 322500-5-d</source>
        <translation>ví dụ 322500-5-d</translation>
    </message>
    <message>
        <source>Transform:</source>
        <translation>Phép biến đổi:</translation>
    </message>
    <message>
        <source>Map scale:</source>
        <translation>Tỷ lệ bản đồ:</translation>
    </message>
    <message>
        <source>Map sheet:</source>
        <translation>Số hiệu mảnh:</translation>
    </message>
    <message>
        <source>Georeferencing</source>
        <translation>Nắn bản đồ</translation>
    </message>
    <message>
        <source>Open scan…</source>
        <translation>Mở ảnh quét…</translation>
    </message>
    <message>
        <source>Load .points…</source>
        <translation>Nạp tệp .points…</translation>
    </message>
    <message>
        <source>Save .points…</source>
        <translation>Lưu tệp .points…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>Xóa điểm khống chế</translation>
    </message>
    <message>
        <source>Detect grid crosses</source>
        <translation>Dò tìm mắt lưới</translation>
    </message>
    <message>
        <source>Pick on main map</source>
        <translation>Lấy trên bản đồ chính</translation>
    </message>
    <message>
        <source>Click on the main map to set the map coordinate of the selected point</source>
        <translation>Nhấp vào bản đồ chính để đặt tọa độ bản đồ cho điểm khống chế đang chọn</translation>
    </message>
    <message>
        <source>Preview on map</source>
        <translation>Xem trước trên bản đồ</translation>
    </message>
    <message>
        <source>Warp…</source>
        <translation>Nắn ảnh…</translation>
    </message>
    <message>
        <source>Pixel %1, %2</source>
        <translation>Điểm ảnh %1, %2</translation>
    </message>
    <message>
        <source>  →  X %1  Y %2</source>
        <translation>  →  X %1  Y %2</translation>
    </message>
    <message>
        <source>Georeference scanned map – %1</source>
        <translation>Nắn bản đồ quét – %1</translation>
    </message>
    <message>
        <source>Add point %1</source>
        <translation>Thêm điểm khống chế %1</translation>
    </message>
    <message>
        <source>Move point %1</source>
        <translation>Di chuyển điểm khống chế %1</translation>
    </message>
    <message>
        <source>Map coordinate of point %1</source>
        <translation>Tọa độ bản đồ của điểm khống chế %1</translation>
    </message>
    <message>
        <source>Enable point</source>
        <translation>Dùng điểm khống chế</translation>
    </message>
    <message>
        <source>Disable point</source>
        <translation>Bỏ dùng điểm khống chế</translation>
    </message>
    <message>
        <source>Delete point %1</source>
        <translation>Xóa điểm khống chế %1</translation>
    </message>
    <message>
        <source>Mean error: – (%1 of %2 points needed enabled; %3)</source>
        <translation>Sai số trung phương: – (đang dùng %1 trên %2 điểm cần có; %3)</translation>
    </message>
    <message>
        <source>Mean error %1 m (%2 px), largest %3 m, %4 points</source>
        <translation>Sai số trung phương %1 m (%2 px), lớn nhất %3 m, %4 điểm</translation>
    </message>
    <message>
        <source> — tolerance %1 m: %2</source>
        <translation> — hạn sai %1 m: %2</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>exceeded</source>
        <translation>vượt hạn sai</translation>
    </message>
    <message>
        <source>Select a point in the table first</source>
        <translation>Hãy chọn một điểm khống chế trong bảng trước</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Nạp %1</translation>
    </message>
    <message>
        <source>Open scanned map</source>
        <translation>Mở bản đồ quét</translation>
    </message>
    <message>
        <source>Scans (*.png *.tif *.tiff *.jpg *.jpeg *.bmp);;All files (*)</source>
        <translation>Ảnh quét (*.png *.tif *.tiff *.jpg *.jpeg *.bmp);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Load ground control points</source>
        <translation>Nạp điểm khống chế</translation>
    </message>
    <message>
        <source>QGIS GCP files (*.points);;All files (*)</source>
        <translation>Tệp điểm khống chế QGIS (*.points);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Save ground control points</source>
        <translation>Lưu điểm khống chế</translation>
    </message>
    <message>
        <source>QGIS GCP files (*.points)</source>
        <translation>Tệp điểm khống chế QGIS (*.points)</translation>
    </message>
    <message>
        <source>Open a scanned map first</source>
        <translation>Hãy mở bản đồ quét trước</translation>
    </message>
    <message>
        <source>Map sheet &apos;%1&apos;: %2</source>
        <translation>Số hiệu mảnh &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Place at least two points with map coordinates (e.g. frame corners) first</source>
        <translation>Hãy đặt trước ít nhất hai điểm khống chế có tọa độ bản đồ (ví dụ các góc khung bản đồ)</translation>
    </message>
    <message>
        <source>%1 of %2 grid crosses found</source>
        <translation>Tìm được %1 trên %2 mắt lưới</translation>
    </message>
    <message>
        <source>Warp failed: %1</source>
        <translation>Nắn ảnh thất bại: %1</translation>
    </message>
    <message>
        <source>Warp</source>
        <translation>Nắn ảnh</translation>
    </message>
    <message>
        <source>The transform cannot be fitted: %1</source>
        <translation>Không tính được phép biến đổi: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Warp cancelled</source>
        <translation>Đã hủy nắn ảnh</translation>
    </message>
    <message>
        <source>The raster was written but could not be registered in the project: %1</source>
        <translation>Đã ghi ảnh nắn nhưng không đăng ký được vào dự án: %1</translation>
    </message>
    <message>
        <source>Warped %1 → %2 (%3 × %4 px, %5 s)</source>
        <translation>Đã nắn ảnh %1 → %2 (%3 × %4 px, %5 giây)</translation>
    </message>
    <message>
        <source>The warped raster could not be added to the map</source>
        <translation>Không thêm được ảnh đã nắn vào bản đồ</translation>
    </message>
    <message>
        <source>Warp to GeoTIFF</source>
        <translation>Nắn ảnh ra tệp GeoTIFF</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Hoàn tác: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Làm lại: %1</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>“%1” is still running; wait until it has finished or cancel it.</source>
        <translation>“%1” vẫn đang chạy; hãy chờ xong hoặc hủy.</translation>
    </message>
    <message>
        <source>No main window</source>
        <translation>Không có cửa sổ chính</translation>
    </message>
    <message>
        <source>Detecting grid crosses</source>
        <translation>Đang dò dấu lưới</translation>
    </message>
    <message>
        <source>Grid-cross detection cancelled; the points are unchanged.</source>
        <translation>Đã hủy dò dấu lưới; các điểm không thay đổi.</translation>
    </message>
    <message>
        <source>Another scan was opened meanwhile; the crosses found are dropped.</source>
        <translation>Trong lúc dò đã mở bản quét khác; bỏ các dấu lưới vừa tìm.</translation>
    </message>
    <message>
        <source>Warping %1</source>
        <translation>Đang nắn %1</translation>
    </message>
    <message>
        <source>The project was closed during the warp; %1 was written but not registered.</source>
        <translation>Dự án đã đóng trong lúc nắn; đã ghi %1 nhưng chưa đăng ký vào dự án.</translation>
    </message>
    <message>
        <source>from the project</source>
        <translation>theo dự án</translation>
    </message>
    <message>
        <source>Sheet number (tờ số) the vectorized parcels get; &quot;from the project&quot; takes it from the map sheet</source>
        <translation>Số tờ gán cho các thửa được véc-tơ hóa; &quot;theo dự án&quot; lấy số tờ của tờ bản đồ trong dự án</translation>
    </message>
    <message>
        <source>Sheet number:</source>
        <translation>Số tờ:</translation>
    </message>
    <message>
        <source>Vectorize sheet</source>
        <translation>Véc-tơ hóa tờ bản đồ</translation>
    </message>
    <message>
        <source>Sheet %1 has no sheet number (tờ số) in this project: enter the sheet number and vectorize again.</source>
        <translation>Mảnh %1 chưa có số tờ trong dự án này: hãy nhập số tờ rồi véc-tơ hóa lại.</translation>
    </message>
    <message numerus="yes">
        <source>The project has %n commune(s); the vectorized parcels need exactly one.</source>
        <translation>
            <numerusform>Dự án có %n xã; các thửa được véc-tơ hóa cần đúng một xã.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ground control points are not in the project&apos;s coordinate system.</source>
        <translation>Các điểm khống chế không ở trong hệ tọa độ của dự án.</translation>
    </message>
    <message>
        <source>Open a project first: the vectorized parcels go into it</source>
        <translation>Hãy mở một dự án trước: các thửa được véc-tơ hóa sẽ được đưa vào đó</translation>
    </message>
    <message>
        <source>Vectorizing %1</source>
        <translation>Đang véc-tơ hóa %1</translation>
    </message>
    <message>
        <source>Vectorization cancelled; the project is unchanged.</source>
        <translation>Đã hủy véc-tơ hóa; dự án không thay đổi.</translation>
    </message>
    <message>
        <source>Vectorize sheet: %1</source>
        <translation>Véc-tơ hóa tờ bản đồ: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate parcel(s) added to sheet %1 for review.</source>
        <translation>
            <numerusform>Đã thêm %n thửa đề xuất vào tờ %1 để rà soát.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them have reasons to look at.</source>
        <translation>
            <numerusform>%n thửa trong số đó cần xem lại.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vnland::app::ImportDialog</name>
    <message>
        <source>Import data</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Source file:</source>
        <translation>Tệp nguồn:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Tự động</translation>
    </message>
    <message>
        <source>Stop and list them (nothing is imported)</source>
        <translation>Dừng và liệt kê (không nhập gì)</translation>
    </message>
    <message>
        <source>Update them from the file (old values kept in the change log)</source>
        <translation>Cập nhật theo tệp (giá trị cũ lưu trong nhật ký thay đổi)</translation>
    </message>
    <message>
        <source>Keep them as they are, import only the new ones</source>
        <translation>Giữ nguyên, chỉ nhập các thửa mới</translation>
    </message>
    <message>
        <source>Import them as well, flagged as duplicate numbers</source>
        <translation>Vẫn nhập, đánh dấu trùng số thửa</translation>
    </message>
    <message>
        <source>Parcels already in the project:</source>
        <translation>Thửa đã có trong dự án:</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>Bảng mã:</translation>
    </message>
    <message>
        <source>from the file (.prj); or EPSG code, province name, WKT</source>
        <translation>theo tệp (.prj); hoặc mã EPSG, tên tỉnh, WKT</translation>
    </message>
    <message>
        <source>Source CRS:</source>
        <translation>Hệ tọa độ nguồn:</translation>
    </message>
    <message>
        <source>detected automatically; or a mapping JSON file</source>
        <translation>tự nhận dạng; hoặc tệp ánh xạ JSON</translation>
    </message>
    <message>
        <source>Field mapping:</source>
        <translation>Ánh xạ trường:</translation>
    </message>
    <message>
        <source>Decoded sample text:</source>
        <translation>Mẫu văn bản sau khi giải mã:</translation>
    </message>
    <message>
        <source>Field mapping preview (first feature):</source>
        <translation>Xem trước ánh xạ trường (đối tượng đầu tiên):</translation>
    </message>
    <message>
        <source>VNLand field</source>
        <translation>Trường VNLand</translation>
    </message>
    <message>
        <source>Source field</source>
        <translation>Trường nguồn</translation>
    </message>
    <message>
        <source>Sample value</source>
        <translation>Giá trị mẫu</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Vector data (*.shp *.gpkg *.geojson *.json *.kml *.tab *.mif *.dxf *.gdb *.zip);;All files (*)</source>
        <translation>Dữ liệu vector (*.shp *.gpkg *.geojson *.json *.kml *.tab *.mif *.dxf *.gdb *.zip);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 as vector data: %2</source>
        <translation>Không đọc được %1 như dữ liệu vector: %2</translation>
    </message>
    <message>
        <source>Automatic (text is plain ASCII)</source>
        <translation>Tự động (văn bản chỉ có ký tự ASCII)</translation>
    </message>
    <message>
        <source>Automatic (detected: %1, %2 %)</source>
        <translation>Tự động (nhận dạng: %1, %2 %)</translation>
    </message>
    <message>
        <source>no CRS in the file</source>
        <translation>tệp không có hệ tọa độ</translation>
    </message>
    <message>
        <source>%1, layer %2: %3 features, %4 fields; %5</source>
        <translation>%1, lớp %2: %3 đối tượng, %4 trường; %5</translation>
    </message>
    <message>
        <source>mapping: %1</source>
        <translation>ánh xạ: %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::IssueStatusCommand</name>
    <message>
        <source>issue %1 is not in the project</source>
        <translation>lỗi %1 không có trong dự án</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 không thành công: %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::MainWindow</name>
    <message>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <source>Map sheet frames</source>
        <translation>Khung tờ bản đồ</translation>
    </message>
    <message>
        <source>Coordinate grid</source>
        <translation>Lưới km</translation>
    </message>
    <message>
        <source>Parcel labels</source>
        <translation>Nhãn thửa</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lớp dữ liệu</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Dự án</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>&amp;Lưu thành…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation>Toàn &amp;bộ</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Phóng tới &amp;vùng chọn</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Di chuyển</translation>
    </message>
    <message>
        <source>Select by &amp;box</source>
        <translation>&amp;Chọn theo khung</translation>
    </message>
    <message>
        <source>&amp;Zoom box</source>
        <translation>Phóng theo &amp;khung</translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation>&amp;Xem thông tin</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>&amp;About VNLand</source>
        <translation>&amp;Giới thiệu VNLand</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <source>Cannot open project: %1</source>
        <translation>Không mở được dự án: %1</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <source>Cannot open the project.

%1</source>
        <translation>Không mở được dự án.

%1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Làm lại: %1</translation>
    </message>
    <message>
        <source>No WGS84 coordinates: %1</source>
        <translation>Không tính được tọa độ WGS84: %1</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n parcel(s)</source>
        <translation>
            <numerusform>Đã mở %1: %n thửa đất</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – VNLand</source>
        <translation>%1 – VNLand</translation>
    </message>
    <message>
        <source>VNLand</source>
        <translation>VNLand</translation>
    </message>
    <message>
        <source>X (north) %1  Y (east) %2</source>
        <translation>X (bắc) %1  Y (đông) %2</translation>
    </message>
    <message>
        <source>WGS84 %1 %2</source>
        <translation>WGS84 %1 %2</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Tỷ lệ 1:%1</translation>
    </message>
    <message>
        <source>Identify: no parcel here</source>
        <translation>Xem thông tin: không có thửa đất tại đây</translation>
    </message>
    <message>
        <source>Parcel %1, sheet %2: %3, %4 m², %5, %6</source>
        <translation>Thửa %1, tờ %2: %3, %4 m², %5, %6</translation>
    </message>
    <message>
        <source>VNLand projects (*.sqlite *.vnland);;All files (*)</source>
        <translation>Dự án VNLand (*.sqlite *.vnland);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Lưu dự án thành</translation>
    </message>
    <message>
        <source>VNLand projects (*.sqlite)</source>
        <translation>Dự án VNLand (*.sqlite)</translation>
    </message>
    <message>
        <source>Cannot save the project.

%1</source>
        <translation>Không lưu được dự án.

%1</translation>
    </message>
    <message>
        <source>About VNLand</source>
        <translation>Giới thiệu VNLand</translation>
    </message>
    <message>
        <source>&lt;b&gt;VNLand %1&lt;/b&gt;&lt;p&gt;Cadastral map editing and land database for Vietnamese land offices (VN-2000).&lt;/p&gt;</source>
        <translation>&lt;b&gt;VNLand %1&lt;/b&gt;&lt;p&gt;Biên tập bản đồ địa chính và cơ sở dữ liệu đất đai cho cán bộ địa chính (VN-2000).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add &amp;raster layer…</source>
        <translation>Thêm lớp ảnh &amp;quét…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cannot add raster layer: %1</source>
        <translation>Không thêm được lớp ảnh: %1</translation>
    </message>
    <message>
        <source>Add raster layer</source>
        <translation>Thêm lớp ảnh quét</translation>
    </message>
    <message numerus="yes">
        <source>Raster layer %1: %2 × %3 pixels, %n overview level(s)</source>
        <translation>
            <numerusform>Lớp ảnh %1: %2 × %3 điểm ảnh, %n mức ảnh thu nhỏ (overview)</numerusform>
        </translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.vrt *.jpg *.png *.ecw *.jp2);;All files (*)</source>
        <translation>Ảnh (*.tif *.tiff *.vrt *.jpg *.png *.ecw *.jp2);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Tạo mới…</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>&amp;Nhập dữ liệu…</translation>
    </message>
    <message>
        <source>&amp;Export data…</source>
        <translation>&amp;Xuất dữ liệu…</translation>
    </message>
    <message>
        <source>Land-database &amp;server (check out / check in)…</source>
        <translation>Máy chủ cơ sở &amp;dữ liệu (lấy ra / cập nhật)…</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Nhập dữ liệu thất bại: %1</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>Nothing was imported.

%1</source>
        <translation>Chưa nhập dữ liệu nào.

%1</translation>
    </message>
    <message>
        <source>Imported %1: %2 of %3 features, %4 rejected, %5 flagged (encoding %6, mapping %7)</source>
        <translation>Đã nhập %1: %2 trên %3 đối tượng, %4 bị từ chối, %5 được đánh dấu (bảng mã %6, ánh xạ %7)</translation>
    </message>
    <message>
        <source>  rejected %1 FID %2: %3</source>
        <translation>  từ chối %1 FID %2: %3</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Xuất dữ liệu thất bại: %1</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n parcel(s) to %1 (%2)</source>
        <translation>
            <numerusform>Đã xuất %n thửa ra %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the project: %1</source>
        <translation>Không lưu được dự án: %1</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>&amp;Survey</source>
        <translation>Đo đạ&amp;c</translation>
    </message>
    <message>
        <source>&amp;COGO traverse…</source>
        <translation>Đường chuyền &amp;COGO…</translation>
    </message>
    <message>
        <source>Select the parcel(s) to extract on the map or in the attribute table first.</source>
        <translation>Hãy chọn thửa đất cần trích lục trên bản đồ hoặc trong bảng thuộc tính trước.</translation>
    </message>
    <message>
        <source>COGO traverse: stored %1 point(s) and %2 leg(s) in the survey layer</source>
        <translation>Đường chuyền COGO: đã lưu %1 điểm và %2 cạnh vào lớp điểm đo</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>Khôi phục công việc chưa hoàn tất</translation>
    </message>
    <message>
        <source>The editor did not close normally last time. Restore the undo history and the parcel being drawn?

Every finished edit is already in the project; without the journal only the drawing in progress and the undo history are lost.</source>
        <translation>Lần trước chương trình không đóng bình thường. Khôi phục lịch sử hoàn tác và thửa đang vẽ dở?

Mọi chỉnh sửa đã xong đều đã lưu trong dự án; nếu không khôi phục, chỉ mất phần đang vẽ dở và lịch sử hoàn tác.</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n step(s) of undo history from the journal</source>
        <translation>
            <numerusform>Đã khôi phục %n bước hoàn tác từ nhật ký</numerusform>
        </translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Georeference scanned map…</source>
        <translation>&amp;Nắn bản đồ quét…</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Đang mở %1</translation>
    </message>
    <message>
        <source>Opening was cancelled.</source>
        <translation>Đã hủy mở dự án.</translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation>Hủy: %1</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Đang nhập %1</translation>
    </message>
    <message>
        <source>Import not started: %1</source>
        <translation>Chưa nhập: %1</translation>
    </message>
    <message>
        <source>Import of %1 cancelled: nothing was imported.</source>
        <translation>Đã hủy nhập %1: không có gì được nhập.</translation>
    </message>
    <message>
        <source>The project could not be reopened after the import.</source>
        <translation>Không mở lại được dự án sau khi nhập.</translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation>Đang xuất ra %1</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>Không ghi được vào %1: %2</translation>
    </message>
    <message>
        <source>Cannot move the export to %1</source>
        <translation>Không chuyển được tệp xuất tới %1</translation>
    </message>
    <message>
        <source>Export to %1 cancelled: the file was not written.</source>
        <translation>Đã hủy xuất ra %1: tệp không được ghi.</translation>
    </message>
    <message>
        <source>Export not started: %1</source>
        <translation>Chưa xuất: %1</translation>
    </message>
    <message>
        <source>Parcel register…</source>
        <translation>Sổ mục kê đất đai…</translation>
    </message>
    <message>
        <source>Summary table…</source>
        <translation>Bảng tổng hợp…</translation>
    </message>
    <message>
        <source>Land statistics…</source>
        <translation>Thống kê đất đai…</translation>
    </message>
    <message>
        <source>Parcel extract…</source>
        <translation>Trích lục thửa đất…</translation>
    </message>
    <message>
        <source>Validation report…</source>
        <translation>Báo cáo kiểm tra…</translation>
    </message>
    <message>
        <source>Review candidates</source>
        <translation>Rà soát thửa đề xuất</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s raster layers: %1</source>
        <translation>Không đọc được các lớp ảnh quét của dự án: %1</translation>
    </message>
    <message>
        <source>Raster layer %1 is registered in the project but its file %2 is missing</source>
        <translation>Lớp ảnh %1 có trong dự án nhưng không tìm thấy tệp %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Tạo dự án mới</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>Tệp dự án:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Province (before 2025):</source>
        <translation>Tỉnh (trước 2025):</translation>
    </message>
    <message>
        <source>Coordinate system:</source>
        <translation>Hệ tọa độ:</translation>
    </message>
    <message>
        <source>5-digit GSO code, e.g. 07192</source>
        <translation>mã 5 chữ số của TCTK, ví dụ 07192</translation>
    </message>
    <message>
        <source>Commune code:</source>
        <translation>Mã xã:</translation>
    </message>
    <message>
        <source>Commune name:</source>
        <translation>Tên xã:</translation>
    </message>
    <message>
        <source>Default scale:</source>
        <translation>Tỷ lệ mặc định:</translation>
    </message>
    <message>
        <source>VNLand projects (*.sqlite)</source>
        <translation>Dự án VNLand (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 (EPSG:%2), central meridian %3</source>
        <translation>%1 (EPSG:%2), kinh tuyến trục %3</translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation>Chọn nơi lưu tệp dự án.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name.</source>
        <translation>%1 đã tồn tại; hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <source>The commune code has 5 digits.</source>
        <translation>Mã xã gồm 5 chữ số.</translation>
    </message>
    <message>
        <source>Choose a province.</source>
        <translation>Hãy chọn tỉnh.</translation>
    </message>
    <message>
        <source>Cannot create the project: %1</source>
        <translation>Không tạo được dự án: %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::ParcelForm</name>
    <message>
        <source>(none)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <source>Sheet number (tờ):</source>
        <translation>Số tờ:</translation>
    </message>
    <message>
        <source>Parcel number (thửa):</source>
        <translation>Số thửa:</translation>
    </message>
    <message>
        <source>Land-use code:</source>
        <translation>Mã loại đất:</translation>
    </message>
    <message>
        <source>Land user:</source>
        <translation>Chủ sử dụng:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <source>Legal area (m²):</source>
        <translation>Diện tích pháp lý (m²):</translation>
    </message>
    <message>
        <source>Measured area (m²):</source>
        <translation>Diện tích đo đạc (m²):</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Khôi phục</translation>
    </message>
    <message numerus="yes">
        <source>%n parcels selected; select one parcel to edit it.</source>
        <translation>
            <numerusform>Đang chọn %n thửa; chọn một thửa để sửa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a parcel on the map or in the table.</source>
        <translation>Chọn một thửa đất trên bản đồ hoặc trong bảng.</translation>
    </message>
    <message>
        <source>Parcel %1, sheet %2 (commune %3)</source>
        <translation>Thửa %1, tờ %2 (xã %3)</translation>
    </message>
    <message>
        <source>%1 – unknown code</source>
        <translation>%1 – mã không có trong danh mục</translation>
    </message>
    <message>
        <source>Edit parcel %1</source>
        <translation>Sửa thửa %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::ParcelTableModel</name>
    <message>
        <source>Sheet</source>
        <translation>Tờ</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Thửa</translation>
    </message>
    <message>
        <source>Land-use code</source>
        <translation>Mã loại đất</translation>
    </message>
    <message>
        <source>Measured area (m²)</source>
        <translation>Diện tích đo đạc (m²)</translation>
    </message>
    <message>
        <source>Legal area (m²)</source>
        <translation>Diện tích pháp lý (m²)</translation>
    </message>
    <message>
        <source>Land user</source>
        <translation>Chủ sử dụng</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Commune code</source>
        <translation>Mã xã</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Cờ lỗi</translation>
    </message>
</context>
<context>
    <name>vnland::app::ReportDialog</name>
    <message>
        <source>2018 land-use list</source>
        <translation>Danh mục loại đất 2018</translation>
    </message>
    <message>
        <source>2024 land-use list</source>
        <translation>Danh mục loại đất 2024</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Tệp kết quả</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Land-use list:</source>
        <translation>Danh mục loại đất:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Parcel register</source>
        <translation>Sổ mục kê đất đai</translation>
    </message>
    <message>
        <source>Summary table</source>
        <translation>Bảng tổng hợp</translation>
    </message>
    <message>
        <source>Land statistics</source>
        <translation>Thống kê đất đai</translation>
    </message>
    <message>
        <source>Parcel extract</source>
        <translation>Trích lục thửa đất</translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation>Báo cáo kiểm tra</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>The land statistics do not add up; the report cannot be saved until the data are corrected:</source>
        <translation>Số liệu thống kê đất đai không khớp; chưa thể lưu báo cáo cho đến khi dữ liệu được sửa:</translation>
    </message>
    <message numerus="yes">
        <source>%n identity check(s) failed.</source>
        <translation>
            <numerusform>%n phép kiểm tra cân đối không đạt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot prepare the report: %1</source>
        <translation>Không lập được báo cáo: %1</translation>
    </message>
    <message>
        <source>The project has no validation results; run the validation first.</source>
        <translation>Dự án chưa có kết quả kiểm tra; hãy chạy kiểm tra dữ liệu trước.</translation>
    </message>
    <message>
        <source>No parcel matches the report.</source>
        <translation>Không có thửa đất nào phù hợp với báo cáo.</translation>
    </message>
    <message>
        <source>%1 table(s), %2 row(s).</source>
        <translation>%1 bảng, %2 dòng.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Đã lưu %1.</translation>
    </message>
    <message>
        <source>Cannot save the report: %1</source>
        <translation>Không lưu được báo cáo: %1</translation>
    </message>
    <message>
        <source>Preparing %1</source>
        <translation>Đang chuẩn bị %1</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Đang ghi %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::ReviewPanel</name>
    <message>
        <source>Sheet / parcel</source>
        <translation>Tờ / thửa</translation>
    </message>
    <message>
        <source>Land-use code</source>
        <translation>Mã loại đất</translation>
    </message>
    <message>
        <source>Printed area (m²)</source>
        <translation>Diện tích ghi trên bản đồ (m²)</translation>
    </message>
    <message>
        <source>Why to look</source>
        <translation>Lý do cần xem</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Chấp nhận</translation>
    </message>
    <message>
        <source>The selected candidates become ordinary parcels</source>
        <translation>Các thửa đề xuất đã chọn trở thành thửa đất chính thức</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Loại bỏ</translation>
    </message>
    <message>
        <source>The selected candidates are removed from the project</source>
        <translation>Các thửa đề xuất đã chọn bị xóa khỏi dự án</translation>
    </message>
    <message>
        <source>Accept all &amp;without reasons</source>
        <translation>Chấp nhận mọi thửa &amp;không có lý do cần xem</translation>
    </message>
    <message>
        <source>No candidates to review.</source>
        <translation>Không có thửa đề xuất nào cần rà soát.</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>Chưa mở dự án nào</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) to review.</source>
        <translation>
            <numerusform>%n thửa đề xuất cần rà soát.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them have reasons to look at.</source>
        <translation>
            <numerusform>%n thửa trong số đó cần xem lại.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vnland::app::ScanFaces</name>
    <message>
        <source>No georeferenced scan here: Fill parcel works on a scan layer (Layer ▸ Add raster layer, or warp a scan)</source>
        <translation>Ở đây không có ảnh quét đã nắn: tạo thửa từ ảnh quét cần một lớp ảnh quét (Lớp ▸ Thêm lớp ảnh quét, hoặc nắn một ảnh quét)</translation>
    </message>
    <message>
        <source>Reading the lines of %1 for Fill parcel; click again when it is done</source>
        <translation>Đang đọc đường nét của %1 để tạo thửa; hãy nhấp lại khi đọc xong</translation>
    </message>
    <message>
        <source>Open a project first</source>
        <translation>Hãy mở một dự án trước</translation>
    </message>
    <message>
        <source>%1 lies on no map sheet of scale 1:%2</source>
        <translation>%1 không nằm trên tờ bản đồ tỷ lệ 1:%2 nào</translation>
    </message>
    <message>
        <source>Reading the lines of %1</source>
        <translation>Đang đọc đường nét của %1</translation>
    </message>
    <message>
        <source>Reading %1 was cancelled</source>
        <translation>Đã hủy việc đọc %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Ngôn ngữ của hệ thống</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Ngôn ngữ:</translation>
    </message>
    <message>
        <source>A new language takes effect when VNLand is started again.</source>
        <translation>Ngôn ngữ mới có hiệu lực khi khởi động lại VNLand.</translation>
    </message>
</context>
<context>
    <name>vnland::app::SyncDialog</name>
    <message>
        <source>Land-database server</source>
        <translation>Máy chủ cơ sở dữ liệu đất đai</translation>
    </message>
    <message>
        <source>postgresql://HOST/DATABASE or service=NAME; the password comes from the pgpass file, never from the project</source>
        <translation>postgresql://MÁY_CHỦ/CSDL hoặc service=TÊN; mật khẩu lấy từ tệp pgpass, không bao giờ lưu trong dự án</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Kết nối:</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>Lược đồ:</translation>
    </message>
    <message>
        <source>commune code, e.g. 07192</source>
        <translation>mã xã, ví dụ 07192</translation>
    </message>
    <message>
        <source>sheet serial, or sheet id without a commune; empty = whole commune</source>
        <translation>số tờ, hoặc số hiệu mảnh khi không ghi xã; để trống = cả xã</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Work project</source>
        <translation>Dự án làm việc</translation>
    </message>
    <message>
        <source>VNLand project (*.sqlite)</source>
        <translation>Dự án VNLand (*.sqlite)</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Lấy ra</translation>
    </message>
    <message>
        <source>Commune:</source>
        <translation>Xã:</translation>
    </message>
    <message>
        <source>Map sheet:</source>
        <translation>Tờ bản đồ:</translation>
    </message>
    <message>
        <source>Work project:</source>
        <translation>Dự án làm việc:</translation>
    </message>
    <message>
        <source>Check out a map sheet or commune</source>
        <translation>Lấy một tờ bản đồ hoặc một xã ra để chỉnh sửa</translation>
    </message>
    <message>
        <source>Apply the parcels without conflict, leave the conflicting ones</source>
        <translation>Cập nhật các thửa không xung đột, giữ nguyên các thửa xung đột</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Cập nhật lên máy chủ</translation>
    </message>
    <message>
        <source>Check in (save the project first)</source>
        <translation>Cập nhật lên máy chủ (lưu dự án trước)</translation>
    </message>
    <message>
        <source>No server plugin found (vnland_postgis).</source>
        <translation>Không tìm thấy trình cắm máy chủ (vnland_postgis).</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Xong.</translation>
    </message>
    <message>
        <source>Refused: see the conflicts above.</source>
        <translation>Bị từ chối: xem các xung đột ở trên.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Không thành công.</translation>
    </message>
    <message>
        <source>Give the connection, a commune or map sheet, and the work project file.</source>
        <translation>Nhập kết nối, xã hoặc tờ bản đồ, và tệp dự án làm việc.</translation>
    </message>
    <message>
        <source>Checking out…</source>
        <translation>Đang lấy ra…</translation>
    </message>
    <message>
        <source>Give the work project to check in.</source>
        <translation>Nhập dự án làm việc cần cập nhật lên máy chủ.</translation>
    </message>
    <message>
        <source>Checking in…</source>
        <translation>Đang cập nhật lên máy chủ…</translation>
    </message>
</context>
<context>
    <name>vnland::app::ValidationPanel</name>
    <message>
        <source>All rules</source>
        <translation>Tất cả quy tắc kiểm tra</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Re-validate changes</source>
        <translation>Kiểm tra lại phần đã sửa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Count / measure</source>
        <translation>Số lượng / giá trị đo</translation>
    </message>
    <message>
        <source>Fix issue</source>
        <translation>Sửa lỗi</translation>
    </message>
    <message>
        <source>Fix all of rule</source>
        <translation>Sửa mọi lỗi của quy tắc</translation>
    </message>
    <message>
        <source>Mark as exception</source>
        <translation>Đánh dấu là ngoại lệ</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>Reason (kept with the issue):</source>
        <translation>Lý do (lưu kèm lỗi):</translation>
    </message>
    <message>
        <source>Choose at least one rule.</source>
        <translation>Hãy chọn ít nhất một quy tắc kiểm tra.</translation>
    </message>
    <message>
        <source>No parcel has changed since the last validation.</source>
        <translation>Không có thửa đất nào thay đổi kể từ lần kiểm tra trước.</translation>
    </message>
    <message numerus="yes">
        <source>Validating %n changed parcel(s) and their neighbours…</source>
        <translation>
            <numerusform>Đang kiểm tra %n thửa đã thay đổi và các thửa liền kề…</numerusform>
        </translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Validation cancelled.</source>
        <translation>Đã hủy kiểm tra.</translation>
    </message>
    <message>
        <source>Validation failed: %1</source>
        <translation>Kiểm tra thất bại: %1</translation>
    </message>
    <message>
        <source>The findings could not be stored: %1</source>
        <translation>Không lưu được kết quả kiểm tra: %1</translation>
    </message>
    <message>
        <source>Validation: %1</source>
        <translation>Kiểm tra: %1</translation>
    </message>
    <message>
        <source>Cannot read the issues: %1</source>
        <translation>Không đọc được danh sách lỗi: %1</translation>
    </message>
    <message>
        <source> [parcel id %1]</source>
        <translation> [mã thửa %1]</translation>
    </message>
    <message>
        <source>[exception] %1</source>
        <translation>[ngoại lệ] %1</translation>
    </message>
    <message>
        <source>Nothing to change: the automatic fix finds no edit for this.</source>
        <translation>Không có gì để sửa: sửa lỗi tự động không tìm được chỉnh sửa nào cho lỗi này.</translation>
    </message>
    <message>
        <source>Not fixed automatically: %1</source>
        <translation>Không sửa lỗi tự động được: %1</translation>
    </message>
    <message>
        <source>This issue has no automatic fix.</source>
        <translation>Lỗi này không có cách sửa lỗi tự động.</translation>
    </message>
    <message>
        <source>Fix %1 (parcel id %2)</source>
        <translation>Sửa lỗi %1 (mã thửa %2)</translation>
    </message>
    <message>
        <source>This rule has no automatic fix.</source>
        <translation>Quy tắc này không có cách sửa lỗi tự động.</translation>
    </message>
    <message>
        <source>Fix all %1</source>
        <translation>Sửa mọi lỗi %1</translation>
    </message>
    <message>
        <source>Mark issue %1 as exception</source>
        <translation>Đánh dấu lỗi %1 là ngoại lệ</translation>
    </message>
    <message>
        <source>Export issues</source>
        <translation>Xuất danh sách lỗi</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;CSV (*.csv);;JSON (*.json)</source>
        <translation>GeoJSON (*.geojson);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Validating</source>
        <translation>Đang kiểm tra</translation>
    </message>
    <message>
        <source>Validation not started: %1</source>
        <translation>Chưa kiểm tra: %1</translation>
    </message>
    <message>
        <source>A fix is already being planned; wait until it has finished.</source>
        <translation>Đang lập phương án sửa khác; hãy chờ xong.</translation>
    </message>
    <message>
        <source>Planning %1</source>
        <translation>Đang lập phương án %1</translation>
    </message>
    <message>
        <source>The fix was cancelled; nothing was changed.</source>
        <translation>Đã hủy sửa lỗi; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The project was closed while the fix was planned.</source>
        <translation>Dự án đã đóng trong lúc lập phương án sửa.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Planning %1…</source>
        <translation>Đang lập phương án %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s) on %1 parcel(s) examined in %2 s.</source>
        <translation>
            <numerusform>%n lỗi trên %1 thửa đã kiểm tra trong %2 giây.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n of them accepted as exception(s).</source>
        <translation>
            <numerusform>%1 Trong đó %n lỗi được chấp nhận là ngoại lệ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 + %n exception(s)</source>
        <translation>
            <numerusform>%1 + %n ngoại lệ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vnland::gui::GcpTableModel</name>
    <message>
        <source>Type the map coordinate of this point or pick it on the main map; it joins the fit then</source>
        <translation>Nhập tọa độ bản đồ của điểm này hoặc lấy trên bản đồ chính; sau đó điểm mới được đưa vào tính phép biến đổi</translation>
    </message>
    <message>
        <source>Leave-one-out error %1 m: probably a blunder</source>
        <translation>Sai số khi bỏ riêng điểm này %1 m: có thể là sai số thô</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Dùng</translation>
    </message>
    <message>
        <source>Column (px)</source>
        <translation>Cột (px)</translation>
    </message>
    <message>
        <source>Row (px)</source>
        <translation>Hàng (px)</translation>
    </message>
    <message>
        <source>Y east (m)</source>
        <translation>Y đông (m)</translation>
    </message>
    <message>
        <source>X north (m)</source>
        <translation>X bắc (m)</translation>
    </message>
    <message>
        <source>dY (m)</source>
        <translation>dY (m)</translation>
    </message>
    <message>
        <source>dX (m)</source>
        <translation>dX (m)</translation>
    </message>
    <message>
        <source>Residual (m)</source>
        <translation>Sai số (m)</translation>
    </message>
</context>
<context>
    <name>vnland::gui::RasterLayer</name>
    <message>
        <source>cannot read the raster (%1)</source>
        <translation>không đọc được ảnh (%1)</translation>
    </message>
    <message>
        <source>the file has no raster bands</source>
        <translation>tệp không có kênh ảnh nào</translation>
    </message>
    <message>
        <source>the raster has no georeference; georeference the scan first</source>
        <translation>ảnh chưa có tọa độ; cần nắn ảnh quét trước</translation>
    </message>
    <message>
        <source>the raster is rotated; warp it to the project CRS first</source>
        <translation>ảnh bị xoay; cần nắn ảnh về hệ tọa độ của dự án trước</translation>
    </message>
    <message>
        <source>the raster is in EPSG:%1, the project in EPSG:%2; warp it first</source>
        <translation>ảnh ở EPSG:%1, dự án ở EPSG:%2; cần nắn ảnh trước</translation>
    </message>
</context>
<context>
    <name>vnland::gui::ScanView</name>
    <message>
        <source>Open a scanned map to place ground control points</source>
        <translation>Mở bản đồ quét để đặt điểm khống chế</translation>
    </message>
</context>
<context>
    <name>vnland::gui::TaskRunner</name>
    <message>
        <source>The editor is closing.</source>
        <translation>Trình biên tập đang đóng.</translation>
    </message>
    <message>
        <source>“%1” is still writing to this project. Wait until it has finished or cancel it, then try again.</source>
        <translation>“%1” vẫn đang ghi vào dự án này. Hãy chờ xong hoặc hủy rồi thử lại.</translation>
    </message>
</context>
</TS>
