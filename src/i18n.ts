/**
 * Payload's own words that read wrong in our admin. Its Vietnamese leaves "field" in English
 * ("Lỗi - Field sau không hợp lệ"), says "Bản thảo" where every other screen says "Bản nháp", and
 * both languages call two different controls "Ngôn ngữ"/"Language": the locale of the content
 * being edited (header) and the language of the admin itself (account page).
 */
const payloadOverrides = {
  en: {
    general: {
      language: 'Interface language',
      locale: 'Content language',
      locales: 'Content languages',
    },
  },
  vi: {
    error: {
      correctInvalidFields: 'Hãy sửa các trường chưa hợp lệ.',
      emailOrPasswordIncorrect: 'Email hoặc mật khẩu không đúng.',
      followingFieldsInvalid_one: 'Trường sau chưa hợp lệ:',
      followingFieldsInvalid_other: 'Các trường sau chưa hợp lệ:',
      incorrectCollection: 'Nhóm dữ liệu không đúng.',
      noFilesUploaded: 'Chưa có tệp nào được tải lên.',
      noMatchedField: 'Không tìm thấy trường nào khớp với "{{label}}".',
      problemUploadingFile: 'Đã xảy ra lỗi khi tải tệp lên.',
      tokenInvalidOrExpired: 'Mã xác thực không hợp lệ hoặc đã hết hạn.',
      unknown: 'Đã xảy ra lỗi không xác định.',
      unspecific: 'Đã xảy ra lỗi.',
      userLocked: 'Tài khoản tạm bị khóa vì đăng nhập sai nhiều lần.',
    },
    general: {
      language: 'Ngôn ngữ giao diện',
      locale: 'Ngôn ngữ nội dung',
      locales: 'Ngôn ngữ nội dung',
    },
    validation: {
      fieldHasNo: 'Trường này không có: {{label}}',
      invalidSelection: 'Lựa chọn ở trường này không hợp lệ.',
      invalidSelections: 'Trường này có các lựa chọn không hợp lệ sau:',
      notValidDate: '"{{value}}" không phải là ngày hợp lệ.',
      validUploadID: 'Trường này không chứa mã tệp hợp lệ.',
    },
    version: {
      currentDraft: 'Bản nháp hiện tại',
      currentPublishedVersion: 'Phiên bản đã xuất bản hiện tại',
      previousVersion: 'Phiên bản trước',
    },
  },
}

/**
 * Messages of our own, in the admin's languages. Keys live under the `truongso` namespace and are
 * read with `req.t('truongso:…')`, so the person who caused an error reads it in their language.
 */
const ownMessages = {
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
      archiveTooLarge: 'This {{type}} file would unpack to {{size}} MB, more than the {{limit}} MB allowed. Save it again from Word, Excel or PowerPoint, or split it.',
      archiveTooManyEntries: 'This {{type}} file holds {{count}} parts, more than the {{limit}} allowed. Save it again from Word, Excel or PowerPoint.',
      archiveUnreadable: 'This {{type}} file could not be read: it is damaged or packed in a way Office does not use. Save it again from Word, Excel or PowerPoint.',
      fileRequired: 'Choose a file to upload.',
      loginSlowedDown: 'Too many failed sign-ins to this account from your device. Try again in {{seconds}} s.',
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
      searchRelaxed: 'No result contains all the words; ignored: {{words}}',
      searchTokenUnavailable: 'Direct search tokens exist only when the site uses Meilisearch.',
      referenceNotReadable: 'You can only attach files and link documents that you are allowed to open yourself.',
      fileLevelNeedsPublisher: 'Only someone who may publish can make a file visible to parents or the public. Keep it at "Staff": it is published with the document that uses it, once a reviewer publishes that document.',
      publishedFileLocked: 'This file is used by "{{title}}", which is published. Only someone who may publish that document can replace, edit or delete the file. Upload a new file and attach it to a draft of the document, then send it for review.',
      sortNotAllowed: 'Results cannot be sorted by "{{field}}".',
      filterNotAllowed: 'Results cannot be filtered by "{{field}}".',
      invalidUrl: 'Enter a web address starting with http:// or https://.',
      schoolYearInvalid: 'A school year looks like 2024-2025.',
      fileUnavailable: 'The file "{{filename}}" cannot be opened right now: it is missing or damaged on the server. Please tell the school.',
      fileNameMissing: 'Say which file to open: /api/media/file/ followed by its name.',
      searchQueryTooManyWords: 'The search is too long: at most {{limit}} words.',
      listLimitInvalid: 'limit must be a whole number from 1 to {{max}} (got "{{value}}"). Ask for the next page with page=2, 3…',
      listEverythingRefused: 'A list cannot be read all at once: pagination=false needs a limit from 1 to {{max}}.',
      depthTimesLimit: 'depth × limit may be at most {{max}}: at depth {{depth}}, ask for at most {{limit}} documents per page.',
      whereTooManyConditions: 'The filter (where) has too many conditions: {{count}}, at most {{limit}}.',
      whereTooManyRelations: 'The filter (where) has too many conditions on related documents (paths with a dot, like cover.alt): {{count}}, at most {{limit}}.',
      whereTooDeep: 'The filter (where) nests and/or too deeply: at most {{limit}} levels.',
      whereTooManyValues: 'The filter (where) has too many values (list entries and words of like): {{count}}, at most {{limit}}.',
      graphQLTooManyDocuments: 'This query may read about {{count}} documents, at most {{limit}}: every list counts its limit (10 when absent) and nested lists multiply. Ask for fewer documents or split the query.',
      queryTooComplex: 'The query is too complex for the database. Use fewer filter conditions (fewer "or" clauses, for example).',
      deleteMovesToTrash: 'Deleting moves a document to the trash first (send deletedAt with an update, as the admin panel does); it can be restored from there. Only administrators delete for good, and only what is in the trash (trash=true).',
      auditLogAppendOnly: 'The audit log cannot be written, changed or deleted by anyone: it records what happens by itself.',
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
      archiveTooLarge: 'Tệp {{type}} này khi giải nén sẽ lớn {{size}} MB, vượt giới hạn {{limit}} MB. Hãy lưu lại tệp từ Word, Excel hoặc PowerPoint, hoặc chia nhỏ tệp.',
      archiveTooManyEntries: 'Tệp {{type}} này có {{count}} phần bên trong, vượt giới hạn {{limit}}. Hãy lưu lại tệp từ Word, Excel hoặc PowerPoint.',
      archiveUnreadable: 'Không đọc được tệp {{type}} này: tệp bị hỏng hoặc được nén theo cách Office không dùng. Hãy lưu lại tệp từ Word, Excel hoặc PowerPoint.',
      fileRequired: 'Hãy chọn một tệp để tải lên.',
      loginSlowedDown: 'Đăng nhập sai nhiều lần vào tài khoản này từ thiết bị của bạn. Vui lòng thử lại sau {{seconds}} giây.',
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
      searchRelaxed: 'Không tìm thấy kết quả chứa tất cả các từ; đã bỏ qua: {{words}}',
      searchTokenUnavailable: 'Khóa tìm kiếm trực tiếp chỉ có khi hệ thống dùng Meilisearch.',
      referenceNotReadable: 'Bạn chỉ có thể đính kèm tệp và liên kết văn bản mà chính bạn được phép xem.',
      fileLevelNeedsPublisher: 'Chỉ người có quyền xuất bản mới được công khai tệp cho phụ huynh hoặc mọi người. Hãy để mức "Nội bộ": tệp sẽ được công bố cùng tài liệu dùng nó khi tài liệu đó được duyệt và xuất bản.',
      publishedFileLocked: 'Tệp này đang được dùng trong "{{title}}" đã xuất bản. Chỉ người có quyền xuất bản tài liệu đó mới được thay, sửa hoặc xóa tệp. Hãy tải tệp mới lên, gắn vào bản nháp của tài liệu rồi gửi duyệt.',
      sortNotAllowed: 'Không thể sắp xếp kết quả theo "{{field}}".',
      filterNotAllowed: 'Không thể lọc kết quả theo "{{field}}".',
      invalidUrl: 'Hãy nhập địa chỉ web bắt đầu bằng http:// hoặc https://.',
      schoolYearInvalid: 'Năm học có dạng 2024-2025.',
      fileUnavailable: 'Tệp "{{filename}}" hiện không mở được: tệp bị thiếu hoặc hỏng trên máy chủ. Vui lòng báo nhà trường.',
      fileNameMissing: 'Hãy cho biết tệp cần mở: /api/media/file/ rồi đến tên tệp.',
      searchQueryTooManyWords: 'Nội dung tìm kiếm quá dài: tối đa {{limit}} từ.',
      listLimitInvalid: 'limit phải là số nguyên từ 1 đến {{max}} (nhận được "{{value}}"). Xem trang tiếp theo bằng page=2, 3…',
      listEverythingRefused: 'Không thể lấy cả danh sách một lần: pagination=false cần kèm limit từ 1 đến {{max}}.',
      depthTimesLimit: 'depth × limit tối đa là {{max}}: với depth {{depth}}, mỗi trang lấy tối đa {{limit}} tài liệu.',
      whereTooManyConditions: 'Bộ lọc (where) có quá nhiều điều kiện: {{count}}, tối đa {{limit}}.',
      whereTooManyRelations: 'Bộ lọc (where) có quá nhiều điều kiện trên tài liệu liên quan (đường dẫn có dấu chấm, như cover.alt): {{count}}, tối đa {{limit}}.',
      whereTooDeep: 'Bộ lọc (where) lồng and/or quá sâu: tối đa {{limit}} cấp.',
      whereTooManyValues: 'Bộ lọc (where) có quá nhiều giá trị (phần tử danh sách và từ của like): {{count}}, tối đa {{limit}}.',
      graphQLTooManyDocuments: 'Truy vấn này có thể đọc khoảng {{count}} tài liệu, tối đa {{limit}}: mỗi danh sách tính theo limit (mặc định 10) và danh sách lồng nhau nhân lên. Hãy lấy ít tài liệu hơn hoặc tách truy vấn.',
      queryTooComplex: 'Truy vấn quá phức tạp nên cơ sở dữ liệu không thực hiện được. Hãy bớt điều kiện lọc (ví dụ bớt các vế "hoặc").',
      deleteMovesToTrash: 'Xoá sẽ chuyển tài liệu vào thùng rác trước (gửi deletedAt khi cập nhật, như trang quản trị vẫn làm); từ đó có thể khôi phục. Chỉ ban giám hiệu được xoá vĩnh viễn, và chỉ những gì đã ở trong thùng rác (trash=true).',
      auditLogAppendOnly: 'Không ai được ghi, sửa hay xoá nhật ký hoạt động: nhật ký tự ghi lại những gì xảy ra.',
    },
  },
}

/** What the config gives Payload: our messages and the corrections of its own. */
export const truongsoTranslations = {
  en: { ...payloadOverrides.en, ...ownMessages.en },
  vi: { ...payloadOverrides.vi, ...ownMessages.vi },
}

export type TruongsoMessage = keyof (typeof ownMessages)['vi']['truongso']
