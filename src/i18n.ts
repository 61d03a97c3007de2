/**
 * Messages of our own, in the admin's languages. Keys live under the `truongso` namespace and are
 * read with `req.t('truongso:…')`, so the person who caused an error reads it in their language.
 */
export const truongsoTranslations = {
  en: {
    truongso: {
      levelAboveYours: 'You cannot choose an access level above your own.',
      publishNotAllowed: 'Only reviewers and administrators can publish. Save a draft and submit it for review instead.',
      reviewStatusNotAllowed: 'You can only mark your material as being written or submitted for review.',
      fileTypeRefused: 'This file type is not accepted ({{type}}). Allowed: images, PDF, Office documents, MP4/WebM video, MP3/M4A/OGG audio.',
      fileExtensionMismatch: 'The file name ends in .{{extension}} but its content is {{type}}. Rename or convert the file.',
      fileTooLarge: 'The file is too large: {{size}} MB, the limit for this kind of file is {{limit}} MB.',
      imageTooLarge: 'The image is too large: {{width}}×{{height}} pixels, the limit is {{limit}} megapixels.',
      imageUnreadable: 'The image could not be read. It may be damaged.',
      fileRequired: 'Choose a file to upload.',
      altRequired: 'Describe the image for people who cannot see it (alt text).',
      isbnInvalid: 'This ISBN is not valid: check the digits (ISBN-10 or ISBN-13).',
      documentNumberInvalid: 'Cannot read the document number "{{value}}". Write it as on the document, e.g. 227/KH-UBND, 554/SGDĐT-VP or 13/2023/NĐ-CP.',
      documentNumberTaken: 'Number {{number}} of {{issuer}} in {{year}} is already registered: "{{title}}" (id {{id}}).',
      remoteUploadDisabled: 'Uploading from a web address is disabled. Download the file and upload it from your device.',
      searchFacetInvalid: 'Unknown value "{{value}}" for the filter "{{facet}}".',
      searchPageInvalid: 'Page and limit must be whole numbers from 1 (got "{{value}}").',
      searchQueryTooLong: 'The search is too long: at most {{limit}} characters.',
      searchUnavailable: 'Search is unavailable right now. Please try again in a moment.',
      searchWarmingUp: 'Search is getting ready after a restart. Please try again in a few seconds.',
      searchTokenUnavailable: 'Direct search tokens exist only when the site uses Meilisearch.',
      referenceNotReadable: 'You can only attach files and link documents that you are allowed to open yourself.',
      sortNotAllowed: 'Results cannot be sorted by "{{field}}".',
      invalidUrl: 'Enter a web address starting with http:// or https://.',
      schoolYearInvalid: 'A school year looks like 2024-2025.',
    },
  },
  vi: {
    truongso: {
      levelAboveYours: 'Bạn không thể chọn mức truy cập cao hơn mức của mình.',
      publishNotAllowed: 'Chỉ tổ trưởng chuyên môn và ban giám hiệu được xuất bản. Hãy lưu bản nháp và gửi duyệt.',
      reviewStatusNotAllowed: 'Bạn chỉ có thể đánh dấu học liệu là "Đang soạn" hoặc "Chờ duyệt".',
      fileTypeRefused: 'Không chấp nhận loại tệp này ({{type}}). Được phép: ảnh, PDF, tài liệu Office, video MP4/WebM, âm thanh MP3/M4A/OGG.',
      fileExtensionMismatch: 'Tên tệp có đuôi .{{extension}} nhưng nội dung là {{type}}. Hãy đổi tên hoặc chuyển đổi tệp.',
      fileTooLarge: 'Tệp quá lớn: {{size}} MB, giới hạn cho loại tệp này là {{limit}} MB.',
      imageTooLarge: 'Ảnh quá lớn: {{width}}×{{height}} điểm ảnh, giới hạn là {{limit}} megapixel.',
      imageUnreadable: 'Không đọc được ảnh. Tệp có thể bị hỏng.',
      fileRequired: 'Hãy chọn một tệp để tải lên.',
      altRequired: 'Hãy mô tả ảnh cho người không nhìn thấy (văn bản thay thế).',
      isbnInvalid: 'ISBN không hợp lệ: hãy kiểm tra lại các chữ số (ISBN-10 hoặc ISBN-13).',
      documentNumberInvalid: 'Không đọc được số ký hiệu "{{value}}". Hãy ghi như trên văn bản, ví dụ 227/KH-UBND, 554/SGDĐT-VP hoặc 13/2023/NĐ-CP.',
      documentNumberTaken: 'Số {{number}} của {{issuer}} năm {{year}} đã có trong sổ: "{{title}}" (mã {{id}}).',
      remoteUploadDisabled: 'Không cho phép tải tệp từ địa chỉ web. Hãy tải tệp về máy rồi tải lên.',
      searchFacetInvalid: 'Giá trị "{{value}}" không hợp lệ cho bộ lọc "{{facet}}".',
      searchPageInvalid: 'Trang và số kết quả phải là số nguyên từ 1 (nhận được "{{value}}").',
      searchQueryTooLong: 'Nội dung tìm kiếm quá dài: tối đa {{limit}} ký tự.',
      searchUnavailable: 'Tạm thời không tìm kiếm được. Vui lòng thử lại sau ít phút.',
      searchWarmingUp: 'Hệ thống tìm kiếm đang khởi động lại. Vui lòng thử lại sau vài giây.',
      searchTokenUnavailable: 'Khóa tìm kiếm trực tiếp chỉ có khi hệ thống dùng Meilisearch.',
      referenceNotReadable: 'Bạn chỉ có thể đính kèm tệp và liên kết văn bản mà chính bạn được phép xem.',
      sortNotAllowed: 'Không thể sắp xếp kết quả theo "{{field}}".',
      invalidUrl: 'Hãy nhập địa chỉ web bắt đầu bằng http:// hoặc https://.',
      schoolYearInvalid: 'Năm học có dạng 2024-2025.',
    },
  },
}

export type TruongsoMessage = keyof (typeof truongsoTranslations)['vi']['truongso']
