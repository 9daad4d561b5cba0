<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>vnland::app::AttributeTable</name>
    <message>
        <source>Filter (number, code, land user, address…)</source>
        <translation>Lọc (số, mã, chủ sử dụng, địa chỉ…)</translation>
    </message>
</context>
<context>
    <name>vnland::app::ChangeValue</name>
    <message>
        <source>Change %1</source>
        <translation>Sửa %1</translation>
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
        <translation><numerusform>%n thửa không đọc được hình học nên không được vẽ</numerusform></translation>
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
        <translation>&amp;Thoát</translation>
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
        <translation>&amp;Toàn bộ</translation>
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
        <translation><numerusform>Đã mở %1: %n thửa đất</numerusform></translation>
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
        <translation>Thêm lớp &amp;ảnh quét…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Đang mở %1…</translation>
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
        <translation><numerusform>Lớp ảnh %1: %2 × %3 điểm ảnh, %n mức ảnh thu nhỏ (overview)</numerusform></translation>
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
        <translation>&amp;Máy chủ cơ sở dữ liệu (lấy ra / cập nhật)…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Đang nhập %1…</translation>
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
        <source>Exporting to %1…</source>
        <translation>Đang xuất ra %1…</translation>
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
        <translation><numerusform>Đã xuất %n thửa ra %1 (%2)</numerusform></translation>
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
        <translation><numerusform>Đang chọn %n thửa; chọn một thửa để sửa.</numerusform></translation>
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
    <name>vnland::app::RasterLayer</name>
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
        <source>Azimuth from grid north, clockwise: 26-10-00, 26°10'00", 26.1667 or N26-10-00E</source>
        <translation>Phương vị tính từ hướng bắc lưới, theo chiều kim đồng hồ: 26-10-00, 26°10'00", 26.1667 hoặc N26-10-00E</translation>
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
        <source>Enter the start point's X (north) and Y (east).</source>
        <translation>Nhập tọa độ X (bắc) và Y (đông) của điểm đầu.</translation>
    </message>
    <message>
        <source>Enter the closing point's X (north) and Y (east).</source>
        <translation>Nhập tọa độ X (bắc) và Y (đông) của điểm khép.</translation>
    </message>
    <message>
        <source>Leg %1: the bearing '%2' is not readable (e.g. 26-10-00).</source>
        <translation>Cạnh %1: không đọc được phương vị '%2' (ví dụ 26-10-00).</translation>
    </message>
    <message>
        <source>Leg %1: the distance '%2' is not a positive number.</source>
        <translation>Cạnh %1: khoảng cách '%2' không phải là số dương.</translation>
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
        <translation><numerusform>%n cạnh.</numerusform></translation>
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
        <translation><numerusform>%n phép kiểm tra cân đối không đạt.</numerusform></translation>
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
</TS>