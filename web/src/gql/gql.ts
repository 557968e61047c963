/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { token user { id mustChangePassword } } }\n": typeof types.ChangePasswordDocument,
    "mutation SetUserActive($id: ID!, $active: Boolean!, $reason: String!) { setUserActive(id: $id, active: $active, reason: $reason) { id active } }": typeof types.SetUserActiveDocument,
    "mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { password user { id email mustChangePassword } } }": typeof types.ResetUserPasswordDocument,
    "query PlatformPemdas { pemdas { id name kind province kemendagriCode timeZone localSpendTargetPercent } }": typeof types.PlatformPemdasDocument,
    "\n  query PemdaBpbjAccounts($pemdaId: ID!) {\n    users(pemdaId: $pemdaId, roles: [BPBJ]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }\n  }\n": typeof types.PemdaBpbjAccountsDocument,
    "mutation CreatePemda($input: CreatePemdaInput!) { createPemda(input: $input) { id name } }": typeof types.CreatePemdaDocument,
    "mutation UpdatePemda($id: ID!, $input: UpdatePemdaInput!) { updatePemda(id: $id, input: $input) { id name kind province kemendagriCode timeZone } }": typeof types.UpdatePemdaDocument,
    "mutation CreateBpbjAccount($input: CreateUserInput!) { createUser(input: $input) { id email } }": typeof types.CreateBpbjAccountDocument,
    "\n  query Me {\n    me { id fullName email role mustChangePassword pemda { id name timeZone } opd { id name shortName } vendor { id businessName } }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { token user { id role } }\n  }\n": typeof types.LoginDocument,
    "\n  query AsnHome($pemdaId: ID!, $month: String!) {\n    asnProgrammes(pemdaId: $pemdaId) { id name reportingClosesAt(month: $month) outlets { id name } }\n    myAsnReports { id purchasedOn month amount items status rejectionReason asnOrderId }\n  }\n": typeof types.AsnHomeDocument,
    "\n  query AsnMonthRow($programmeId: ID!, $month: String!) {\n    asnMonthlyCompliance(programmeId: $programmeId, month: $month) { required reported counted status }\n  }\n": typeof types.AsnMonthRowDocument,
    "\n  mutation ReportAsnPurchase($input: ReportAsnPurchaseInput!) { reportAsnPurchase(input: $input) { id status } }\n": typeof types.ReportAsnPurchaseDocument,
    "query AsnProgrammeList($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name } }": typeof types.AsnProgrammeListDocument,
    "\n  query OpdAsnRows($programmeId: ID!, $opdId: ID!, $month: String!) {\n    asnMonthlyCompliance(programmeId: $programmeId, opdId: $opdId, month: $month) { asn { id nip name grade } required reported counted status }\n  }\n": typeof types.OpdAsnRowsDocument,
    "\n  query AsnReportsReview($asnId: ID!, $month: String!) {\n    asnReports(asnId: $asnId, month: $month) { id purchasedOn amount items status rejectionReason receiptImageUrl asnOrderId }\n  }\n": typeof types.AsnReportsReviewDocument,
    "mutation RejectAsnReport($id: ID!, $reason: String!) { rejectAsnReport(id: $id, reason: $reason) { id status rejectionReason } }": typeof types.RejectAsnReportDocument,
    "\n  query AsnOrders {\n    asnOrders { id createdAt status total statusReason buyerName vendor { id businessName phone } lines { productName unit unitPrice quantity lineTotal } }\n  }\n": typeof types.AsnOrdersDocument,
    "mutation CompleteAsnOrder($id: ID!, $key: String) { completeAsnOrder(id: $id, idempotencyKey: $key) { id status } }": typeof types.CompleteAsnOrderDocument,
    "mutation CancelAsnOrder($id: ID!, $reason: String!, $key: String) { cancelAsnOrder(id: $id, reason: $reason, idempotencyKey: $key) { id status statusReason } }": typeof types.CancelAsnOrderDocument,
    "mutation PlaceAsnOrder($items: [AsnOrderItemInput!]!, $key: String) { placeAsnOrder(items: $items, idempotencyKey: $key) { id total status } }": typeof types.PlaceAsnOrderDocument,
    "\n  query OpdsAndAccounts($pemdaId: ID!) {\n    opds(pemdaId: $pemdaId) { id code name shortName active }\n    users(pemdaId: $pemdaId, roles: [PP, PPK, KEPALA_OPD, ASN]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }\n  }\n": typeof types.OpdsAndAccountsDocument,
    "mutation CreateOpd($input: CreateOpdInput!) { createOpd(input: $input) { id code name shortName active } }": typeof types.CreateOpdDocument,
    "mutation UpdateOpd($id: ID!, $input: UpdateOpdInput!) { updateOpd(id: $id, input: $input) { id code name shortName active } }": typeof types.UpdateOpdDocument,
    "\n  mutation ImportOpds($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importOpds(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }\n  }\n": typeof types.ImportOpdsDocument,
    "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email } }": typeof types.CreateUserDocument,
    "\n  query OpdAsnRanking($programmeId: ID!, $month: String!) {\n    opdAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }\n  }\n": typeof types.OpdAsnRankingDocument,
    "\n  mutation ImportAsnRegistry($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importAsn(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }\n  }\n": typeof types.ImportAsnRegistryDocument,
    "mutation SetAsnExempt($asnId: ID!, $month: String!, $exempt: Boolean!) { setAsnExempt(asnId: $asnId, month: $month, exempt: $exempt) { id } }": typeof types.SetAsnExemptDocument,
    "mutation CreateAsnAccount($asnId: ID!, $email: String!, $password: String!) { createAsnAccount(asnId: $asnId, email: $email, password: $password) { id email } }": typeof types.CreateAsnAccountDocument,
    "\n  fragment AuditEntry on AuditLog { id createdAt subjectType subjectId subjectName action fromStatus toStatus reason actorRole }\n": typeof types.AuditEntryFragmentDoc,
    "\n  query AuditLog($pemdaId: ID!, $subjectType: AuditSubject, $limit: Int!, $after: ID) {\n    auditLog(pemdaId: $pemdaId, subjectType: $subjectType, limit: $limit, after: $after) { ...AuditEntry }\n  }\n": typeof types.AuditLogDocument,
    "\n  fragment AwardVersionShown on AwardResult {\n    id period version status publishedAt\n    rows { opdId opdName assessable notAssessableReason score rank tier flags toNextTier components { component normalised weight contribution explanation } }\n  }\n": typeof types.AwardVersionShownFragmentDoc,
    "\n  query AwardVersions($pemdaId: ID!, $period: String!) {\n    awardVersions(pemdaId: $pemdaId, period: $period) { ...AwardVersionShown }\n  }\n": typeof types.AwardVersionsDocument,
    "\n  mutation ComputeAward($pemdaId: ID!, $year: Int!, $quarter: Int) {\n    computeAward(pemdaId: $pemdaId, year: $year, quarter: $quarter) { ...AwardVersionShown }\n  }\n": typeof types.ComputeAwardDocument,
    "\n  query CompareAwardVersions($a: ID!, $b: ID!) {\n    compareAwardVersions(a: $a, b: $b) { opdCode opdName scoreA scoreB delta rankA rankB }\n  }\n": typeof types.CompareAwardVersionsDocument,
    "mutation PublishAward($id: ID!) { publishAward(id: $id) { id status publishedAt } }": typeof types.PublishAwardDocument,
    "\n  query CurationWaiting($pemdaId: ID!) {\n    curationWaiting(pemdaId: $pemdaId) { vendors products }\n  }\n": typeof types.CurationWaitingDocument,
    "\n  query CategoryTree($pemdaId: ID!) {\n    categories(pemdaId: $pemdaId) {\n      id name code kbkiCode basicNeeds depth isLeaf\n      children { id name code kbkiCode basicNeeds depth isLeaf children { id name code kbkiCode basicNeeds depth isLeaf } }\n    }\n  }\n": typeof types.CategoryTreeDocument,
    "mutation CreateCategory($input: CreateCategoryInput!) { createCategory(input: $input) { id } }": typeof types.CreateCategoryDocument,
    "mutation UpdateCategory($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { id name kbkiCode basicNeeds } }": typeof types.UpdateCategoryDocument,
    "\n  query CurationQueues($pemdaId: ID!, $order: QueueOrder, $vendorsAfter: String, $productsAfter: String) {\n    vendorCurationQueue(pemdaId: $pemdaId, first: 20, after: $vendorsAfter, order: $order) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id businessName ownerName nib scale isKoperasi domicileRegionName district status isLocal isUmkk legalDocuments { kind url contentType }\n        pendingClassification { scale isKoperasi domicileRegionName isUmkk isLocal } } }\n    }\n    productCurationQueue(pemdaId: $pemdaId, first: 20, after: $productsAfter, order: $order) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id name unit price description status isPdn tkdnPercent vendor { id businessName } category { id name }\n          pendingRevision { name price unit description isPdn tkdnPercent submittedAt }\n          priceCheck(proposed: true) { checkedPrice verdict explanation aboveEarlierPrice earlierAgreedPrice }\n        }\n      }\n    }\n  }\n": typeof types.CurationQueuesDocument,
    "mutation VerifyVendor($id: ID!) { verifyVendor(id: $id) { id status } }": typeof types.VerifyVendorDocument,
    "mutation RejectVendor($id: ID!, $reason: String!) { rejectVendor(id: $id, reason: $reason) { id status statusReason } }": typeof types.RejectVendorDocument,
    "mutation ReviewVendorClassification($id: ID!, $approve: Boolean!, $reason: String) { reviewVendorClassification(id: $id, approve: $approve, reason: $reason) { id scale isKoperasi isUmkk isLocal } }": typeof types.ReviewVendorClassificationDocument,
    "mutation ApproveProduct($id: ID!) { approveProduct(id: $id) { id status } }": typeof types.ApproveProductDocument,
    "mutation RejectProduct($id: ID!, $reason: String!) { rejectProduct(id: $id, reason: $reason) { id status statusReason } }": typeof types.RejectProductDocument,
    "\n  query BpbjDashboard($pemdaId: ID!, $year: Int!) {\n    spendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      pemda { budget realisedTotal realisedUmkk umkkShareOfBudget expectedUmkkByPeriodEnd shortfall status }\n      catalogueSpendYearToDate\n      catalogueSpendTarget\n      opds { rank status budget realisedUmkk umkkShareOfBudget shortfall opd { id name shortName } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year) { month realisedUmkk umkkShareOfBudgetYearToDate }\n  }\n": typeof types.BpbjDashboardDocument,
    "\n  query SpendRecapFile($pemdaId: ID!, $year: Int!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportSpendRecap(pemdaId: $pemdaId, year: $year, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": typeof types.SpendRecapFileDocument,
    "\n  query OrdersFile($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportOrders(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": typeof types.OrdersFileDocument,
    "\n  query CatalogueProgressFile($pemdaId: ID!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportCatalogueProgress(pemdaId: $pemdaId, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": typeof types.CatalogueProgressFileDocument,
    "\n  query PublishedAward($pemdaId: ID!, $period: String!) {\n    awardVersions(pemdaId: $pemdaId, period: $period) { id status }\n  }\n": typeof types.PublishedAwardDocument,
    "\n  query AwardFile($id: ID!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportAward(id: $id, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": typeof types.AwardFileDocument,
    "\n  query AsnProgrammeList($pemdaId: ID!) {\n    asnProgrammes(pemdaId: $pemdaId) { id name }\n  }\n": typeof types.AsnProgrammeListDocument,
    "\n  query AsnComplianceFile($programmeId: ID!, $month: String!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportAsnCompliance(programmeId: $programmeId, month: $month, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": typeof types.AsnComplianceFileDocument,
    "\n  mutation RequestOrdersExport($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect, $key: String) {\n    requestOrdersExport(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect, idempotencyKey: $key) { id status }\n  }\n": typeof types.RequestOrdersExportDocument,
    "query ExportJobs($pemdaId: ID!) { exportJobs(pemdaId: $pemdaId) { id status error from to format dialect } }": typeof types.ExportJobsDocument,
    "query ExportJobFile($id: ID!) { exportJob(id: $id) { id file { filename contentType base64 } } }": typeof types.ExportJobFileDocument,
    "\n  mutation ImportExternalSpend($input: ImportExternalSpendInput!) {\n    importExternalSpend(input: $input) { applied created corrected unchanged errors { row field message } }\n  }\n": typeof types.ImportExternalSpendDocument,
    "\n  query DecemberForecast($pemdaId: ID!, $year: Int!) {\n    decemberForecast(pemdaId: $pemdaId, year: $year) {\n      throughMonth monthsLeft method targetPercent\n      pemda { budget target realisedUmkk projectedUmkk projectedShare neededPerMonth willMiss }\n      opds { opdId opdCode opdName budget realisedShare projectedShare projectedUmkk target neededPerMonth willMiss }\n    }\n    vendorConcentration(pemdaId: $pemdaId, year: $year) { opdId opdCode opdName catalogueSpend vendors topVendorName topVendorShare topThreeShare hhi }\n  }\n": typeof types.DecemberForecastDocument,
    "\n  mutation ImportBudgets($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importOpdBudgets(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied rows errors { row field message } }\n  }\n": typeof types.ImportBudgetsDocument,
    "query OpdCodes($pemdaId: ID!) { opds(pemdaId: $pemdaId) { id code name active } }": typeof types.OpdCodesDocument,
    "\n  mutation CreateAsnProgramme($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id name } }\n": typeof types.CreateAsnProgrammeDocument,
    "\n  query OpdView($pemdaId: ID!, $opdId: ID!, $year: Int!) {\n    opd(id: $opdId) { id name shortName code }\n    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {\n      targetPercent\n      opds { budget plannedUmkk allocatedUmkk plannedUmkkShare allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }\n    opdBudgetHistory(opdId: $opdId, fiscalYear: $year) { id effectiveFrom goodsServicesBudget plannedUmkk allocatedUmkk reason createdAt }\n    orders(first: 20, filter: { opdId: $opdId }) { totalCount edges { node { id code status total createdAt vendorIsUmkk vendor { id businessName } } } }\n  }\n": typeof types.OpdViewDocument,
    "mutation SetOpdBudget($input: OpdBudgetInput!) { setOpdBudget(input: $input) { id effectiveFrom } }": typeof types.SetOpdBudgetDocument,
    "\n  query PemdaSettings($pemdaId: ID!, $year: Int!) {\n    pemda(id: $pemdaId) {\n      id localSpendTargetPercent catalogueSpendTarget listedProductsTarget closedThrough documentNumberPattern repeatVendorLimit repeatVendorWindowDays\n    }\n    holidays(pemdaId: $pemdaId, year: $year) { id date name kind }\n    searchSynonyms(pemdaId: $pemdaId) { id term expansions }\n  }\n": typeof types.PemdaSettingsDocument,
    "mutation UpdatePemdaTargets($id: ID!, $input: PemdaTargetsInput!) { updatePemdaTargets(id: $id, input: $input) { id localSpendTargetPercent catalogueSpendTarget listedProductsTarget } }": typeof types.UpdatePemdaTargetsDocument,
    "mutation SetRepeatVendorRule($id: ID!, $limit: Int!, $windowDays: Int!) { setRepeatVendorRule(id: $id, limit: $limit, windowDays: $windowDays) { id repeatVendorLimit repeatVendorWindowDays } }": typeof types.SetRepeatVendorRuleDocument,
    "mutation SetDocumentNumberPattern($id: ID!, $pattern: String!) { setDocumentNumberPattern(id: $id, pattern: $pattern) { id documentNumberPattern } }": typeof types.SetDocumentNumberPatternDocument,
    "mutation CloseSpendPeriods($pemdaId: ID!, $month: String!, $reason: String!) { closeSpendPeriods(pemdaId: $pemdaId, month: $month, reason: $reason) { id closedThrough } }": typeof types.CloseSpendPeriodsDocument,
    "mutation AddRegionalHoliday($pemdaId: ID!, $date: String!, $name: String!) { addRegionalHoliday(pemdaId: $pemdaId, date: $date, name: $name) { id } }": typeof types.AddRegionalHolidayDocument,
    "mutation RemoveRegionalHoliday($id: ID!) { removeRegionalHoliday(id: $id) { id } }": typeof types.RemoveRegionalHolidayDocument,
    "mutation SetSearchSynonym($pemdaId: ID!, $term: String!, $expansions: [String!]!) { setSearchSynonym(pemdaId: $pemdaId, term: $term, expansions: $expansions) { id term expansions } }": typeof types.SetSearchSynonymDocument,
    "\n  query SplitOrders($pemdaId: ID!, $year: Int!) {\n    splitOrderFlags(pemdaId: $pemdaId, year: $year) {\n      opdId opdCode opdName basis keyName from to total threshold\n      orders { id code submittedOn amount }\n    }\n  }\n": typeof types.SplitOrdersDocument,
    "\n  query BpbjVendorView($pemdaId: ID!, $vendorId: ID!) {\n    vendor(id: $vendorId) { ...VendorProfileShown statusReason verifiedAt productCount legalDocuments { kind url contentType createdAt } }\n    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [SUBMITTED, PUBLISHED, SUSPENDED, REJECTED] }, sort: NAME_ASC, first: 100) {\n      totalCount edges { node { id name price unit status statusReason } }\n    }\n    orders(first: 10, filter: { vendorId: $vendorId }) { totalCount edges { node { id code status total createdAt opd { id shortName } } } }\n    auditLog(pemdaId: $pemdaId, subjectType: VENDOR, subjectId: $vendorId, limit: 50) { id createdAt action reason actorRole }\n  }\n": typeof types.BpbjVendorViewDocument,
    "\n  query VendorList($pemdaId: ID!, $status: VendorStatus, $after: String) {\n    vendors(pemdaId: $pemdaId, status: $status, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id businessName ownerName nib scale isKoperasi isLocal isUmkk district status statusReason productCount } }\n    }\n  }\n": typeof types.VendorListDocument,
    "mutation SuspendVendor($id: ID!, $reason: String!) { suspendVendor(id: $id, reason: $reason) { id status statusReason } }": typeof types.SuspendVendorDocument,
    "mutation ReinstateVendor($id: ID!) { reinstateVendor(id: $id) { id status statusReason } }": typeof types.ReinstateVendorDocument,
    "\n  query ComparedProduct($id: ID!) {\n    product(id: $id) {\n      id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls\n      category { id name }\n      vendor { id businessName district scale isKoperasi }\n    }\n  }\n": typeof types.ComparedProductDocument,
    "\n  query CatalogueSearch($pemdaId: ID!, $query: String, $filter: SearchFilterInput, $sort: SearchSort) {\n    searchProducts(pemdaId: $pemdaId, query: $query, filter: $filter, sort: $sort, first: 24) {\n      totalCount correctedQuery\n      edges { node { id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls vendor { id businessName district } category { id name } } }\n      facets { categories { value count } local { value count } umkk { value count } pdn { value count } basicNeeds { value count } priceBands { value count } }\n    }\n    categories(pemdaId: $pemdaId) { id name children { id name children { id name } } }\n  }\n": typeof types.CatalogueSearchDocument,
    "query UnreadNotifications { unreadNotificationCount }": typeof types.UnreadNotificationsDocument,
    "\n  query Notifications {\n    notifications(first: 50) { ...NotificationItem }\n    unreadNotificationCount\n    me { id emailNotifications }\n  }\n  fragment NotificationItem on Notification { id kind title body link createdAt readAt }\n": typeof types.NotificationsDocument,
    "query OlderNotifications($after: ID!) { notifications(first: 50, after: $after) { ...NotificationItem } }": typeof types.OlderNotificationsDocument,
    "mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }": typeof types.MarkNotificationsReadDocument,
    "mutation SetEmailNotifications($enabled: Boolean!) { setEmailNotifications(enabled: $enabled) { id emailNotifications } }": typeof types.SetEmailNotificationsDocument,
    "\n  query Cart($opdId: ID!) {\n    cart { id quantity unitPriceSeen product { id name unit price stock minOrderQuantity status vendor { id businessName } } }\n    ppks(opdId: $opdId) { id fullName }\n    opd(id: $opdId) { id name }\n    # The OPD's latest package: where its goods go and who approves, as the form's starting point.\n    orders(first: 1, filter: { opdId: $opdId }) { edges { node { id deliveryAddress ppk { id } } } }\n  }\n": typeof types.CartDocument,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) { orders { id code total vendor { id businessName } } }\n  }\n": typeof types.CreateOrderDocument,
    "\n  mutation SetCartItem($productId: ID!, $quantity: Int!) {\n    setCartItem(productId: $productId, quantity: $quantity) { id quantity unitPriceSeen product { id } }\n  }\n": typeof types.SetCartItemDocument,
    "\n  query OpdStanding($pemdaId: ID!, $opdId: ID!, $year: Int!) {\n    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      opds { plannedUmkk plannedUmkkShare allocatedUmkk allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }\n    awardLeaderboard(pemdaId: $pemdaId) { rank opdId score tier }\n  }\n": typeof types.OpdStandingDocument,
    "\n  query OrderList($filter: OrderFilterInput, $after: String) {\n    orders(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id code status negotiation total createdAt vendorAnswerDue awaitingPpkApproval availableActions opd { id shortName } vendor { id businessName } } }\n    }\n    orderCounts { status count total }\n  }\n": typeof types.OrderListDocument,
    "\n  query OrderView($id: ID!) {\n    order(id: $id) {\n      id code status negotiation subtotal shippingCost total totalInWords receivedAmount awaitingPpkApproval\n      deliveryAddress rupCode neededBy notes statusReason deliveryReference bastNumber bastDate vendorAnswerDue availableActions\n      createdAt submittedAt approvedAt acceptedAt shippedAt receivedAt paidAt completedAt\n      opd { id name } vendor { id businessName district phone } createdBy { id fullName } ppk { id fullName }\n      lines { id productName unit listUnitPrice proposedUnitPrice counterUnitPrice unitPrice quantity quantityReceived lineTotal }\n      payments { id method amount paidOn vendorReceivedOn reference }\n      warnings { code message }\n      history { id createdAt action fromStatus toStatus reason actorRole }\n    }\n    orderDocuments(orderId: $id) { id kind number issuedAt replacesNumber reason }\n  }\n": typeof types.OrderViewDocument,
    "query OrderDocumentFile($id: ID!) { orderDocumentFile(id: $id) { filename contentType base64 } }": typeof types.OrderDocumentFileDocument,
    "mutation ReissueOrderDocument($orderId: ID!, $kind: OrderDocumentKind!, $reason: String!) { reissueOrderDocument(orderId: $orderId, kind: $kind, reason: $reason) { id number } }": typeof types.ReissueOrderDocumentDocument,
    "fragment OrderStepResult on Order { id status negotiation total availableActions awaitingPpkApproval }": typeof types.OrderStepResultFragmentDoc,
    "mutation SubmitOrder($id: ID!, $key: String) { submitOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.SubmitOrderDocument,
    "mutation ApproveOrder($id: ID!, $key: String) { approveOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.ApproveOrderDocument,
    "mutation CompleteOrder($id: ID!, $key: String) { completeOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.CompleteOrderDocument,
    "mutation SetOrderShipping($id: ID!, $cost: Rupiah!, $key: String) { setOrderShippingCost(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.SetOrderShippingDocument,
    "mutation ProposeOrderPrices($id: ID!, $prices: [LinePriceInput!]!, $key: String) { proposeOrderPrices(id: $id, prices: $prices, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.ProposeOrderPricesDocument,
    "mutation RespondToNegotiation($id: ID!, $accept: Boolean!, $counter: [LinePriceInput!], $key: String) { respondToOrderNegotiation(id: $id, accept: $accept, counter: $counter, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.RespondToNegotiationDocument,
    "mutation AcceptOrder($id: ID!, $cost: Rupiah, $key: String) { acceptOrder(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.AcceptOrderDocument,
    "mutation RejectOrder($id: ID!, $reason: String!, $key: String) { rejectOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.RejectOrderDocument,
    "mutation ShipOrder($id: ID!, $ref: String!, $key: String) { shipOrder(id: $id, deliveryReference: $ref, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.ShipOrderDocument,
    "mutation ReceiveOrder($id: ID!, $input: ReceiveOrderInput!, $key: String) { receiveOrder(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.ReceiveOrderDocument,
    "mutation RecordOrderPayment($id: ID!, $input: RecordPaymentInput!, $key: String) { recordOrderPayment(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.RecordOrderPaymentDocument,
    "mutation ConfirmOrderPayment($id: ID!, $receivedOn: String!, $key: String) { confirmOrderPayment(id: $id, receivedOn: $receivedOn, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.ConfirmOrderPaymentDocument,
    "mutation CancelOrder($id: ID!, $reason: String!, $key: String) { cancelOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }": typeof types.CancelOrderDocument,
    "\n  query Pemdas {\n    pemdas { id name province timeZone }\n  }\n": typeof types.PemdasDocument,
    "\n  query ProductView($id: ID!) {\n    product(id: $id) {\n      id name description unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls status statusReason\n      category { id name }\n      vendor { id businessName ownerName scale isKoperasi district domicileRegionName address phone contactEmail productCount isLocal isUmkk }\n    }\n  }\n": typeof types.ProductViewDocument,
    "mutation SuspendProduct($id: ID!, $reason: String!) { suspendProduct(id: $id, reason: $reason) { id status statusReason } }": typeof types.SuspendProductDocument,
    "mutation ReinstateProduct($id: ID!) { reinstateProduct(id: $id) { id status statusReason } }": typeof types.ReinstateProductDocument,
    "query PublicAsnProgrammes($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name startMonth latestClosedMonth } }": typeof types.PublicAsnProgrammesDocument,
    "\n  query PublicAsnMonth($programmeId: ID!, $month: String!) {\n    publicAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }\n  }\n": typeof types.PublicAsnMonthDocument,
    "\n  query PublicRecap($pemdaId: ID!, $year: Int!) {\n    publicSpendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      pemda { budget realisedUmkk umkkShareOfBudget status }\n      catalogueSpendYearToDate\n      catalogueSpendTarget\n      catalogueTargetAchieved\n      opds { rank status budget realisedUmkk umkkShareOfBudget catalogueShare opd { id name shortName } }\n    }\n    catalogueProgress(pemdaId: $pemdaId) { publishedProducts publishedLocalProducts listedProductsTarget targetAchievedPercent verifiedVendors verifiedLocalUmkkVendors }\n    awardLeaderboard(pemdaId: $pemdaId) { rank opdName score tier }\n    pemda(id: $pemdaId) { id name kemendagriCode }\n  }\n": typeof types.PublicRecapDocument,
    "\n  mutation ImportProducts($input: ImportProductsInput!) {\n    importProducts(input: $input) { applied validCount createdCount errors { row field message } }\n  }\n": typeof types.ImportProductsDocument,
    "query RegisterPemdas { pemdas { id name kemendagriCode } }": typeof types.RegisterPemdasDocument,
    "mutation RegisterVendor($input: RegisterVendorInput!) { registerVendor(input: $input) { id status } }": typeof types.RegisterVendorDocument,
    "\n  query VendorHome($vendorId: ID!, $pemdaId: ID!) {\n    vendor(id: $vendorId) { ...VendorProfileShown statusReason legalDocuments { kind url contentType createdAt } }\n    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [DRAFT, SUBMITTED, PUBLISHED, REJECTED, SUSPENDED, ARCHIVED] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id name description unit price stock minOrderQuantity imageUrls isPdn tkdnPercent status statusReason category { id }\n          pendingRevision { name description categoryId unit price imageUrls isPdn tkdnPercent submittedAt }\n        }\n      }\n    }\n    categories(pemdaId: $pemdaId) { id name code children { id name code children { id name code } } }\n  }\n": typeof types.VendorHomeDocument,
    "mutation CreateProduct($input: ProductInput!) { createProduct(input: $input) { id status } }": typeof types.CreateProductDocument,
    "mutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) { updateProduct(id: $id, input: $input) { id status pendingRevision { submittedAt } } }": typeof types.UpdateProductDocument,
    "mutation SubmitProduct($id: ID!) { submitProduct(id: $id) { id status } }": typeof types.SubmitProductDocument,
    "mutation AttachVendorDocument($id: ID!, $kind: VendorDocumentKind!, $uploadId: ID!) { attachVendorDocument(id: $id, kind: $kind, uploadId: $uploadId) { id legalDocuments { kind url contentType createdAt } } }": typeof types.AttachVendorDocumentDocument,
    "mutation RemoveProduct($id: ID!) { deleteProduct(id: $id) }": typeof types.RemoveProductDocument,
    "\n  fragment VendorProfileShown on Vendor {\n    id businessName ownerName nib npwp scale isKoperasi domicileRegionCode domicileRegionName district address phone contactEmail\n    status isUmkk isLocal\n    bankAccount { bankName accountNumber accountName }\n    pendingClassification { scale isKoperasi domicileRegionCode domicileRegionName }\n  }\n": typeof types.VendorProfileShownFragmentDoc,
    "mutation UpdateVendorProfile($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) { ...VendorProfileShown } }": typeof types.UpdateVendorProfileDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { token user { id mustChangePassword } } }\n": types.ChangePasswordDocument,
    "mutation SetUserActive($id: ID!, $active: Boolean!, $reason: String!) { setUserActive(id: $id, active: $active, reason: $reason) { id active } }": types.SetUserActiveDocument,
    "mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { password user { id email mustChangePassword } } }": types.ResetUserPasswordDocument,
    "query PlatformPemdas { pemdas { id name kind province kemendagriCode timeZone localSpendTargetPercent } }": types.PlatformPemdasDocument,
    "\n  query PemdaBpbjAccounts($pemdaId: ID!) {\n    users(pemdaId: $pemdaId, roles: [BPBJ]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }\n  }\n": types.PemdaBpbjAccountsDocument,
    "mutation CreatePemda($input: CreatePemdaInput!) { createPemda(input: $input) { id name } }": types.CreatePemdaDocument,
    "mutation UpdatePemda($id: ID!, $input: UpdatePemdaInput!) { updatePemda(id: $id, input: $input) { id name kind province kemendagriCode timeZone } }": types.UpdatePemdaDocument,
    "mutation CreateBpbjAccount($input: CreateUserInput!) { createUser(input: $input) { id email } }": types.CreateBpbjAccountDocument,
    "\n  query Me {\n    me { id fullName email role mustChangePassword pemda { id name timeZone } opd { id name shortName } vendor { id businessName } }\n  }\n": types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { token user { id role } }\n  }\n": types.LoginDocument,
    "\n  query AsnHome($pemdaId: ID!, $month: String!) {\n    asnProgrammes(pemdaId: $pemdaId) { id name reportingClosesAt(month: $month) outlets { id name } }\n    myAsnReports { id purchasedOn month amount items status rejectionReason asnOrderId }\n  }\n": types.AsnHomeDocument,
    "\n  query AsnMonthRow($programmeId: ID!, $month: String!) {\n    asnMonthlyCompliance(programmeId: $programmeId, month: $month) { required reported counted status }\n  }\n": types.AsnMonthRowDocument,
    "\n  mutation ReportAsnPurchase($input: ReportAsnPurchaseInput!) { reportAsnPurchase(input: $input) { id status } }\n": types.ReportAsnPurchaseDocument,
    "query AsnProgrammeList($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name } }": types.AsnProgrammeListDocument,
    "\n  query OpdAsnRows($programmeId: ID!, $opdId: ID!, $month: String!) {\n    asnMonthlyCompliance(programmeId: $programmeId, opdId: $opdId, month: $month) { asn { id nip name grade } required reported counted status }\n  }\n": types.OpdAsnRowsDocument,
    "\n  query AsnReportsReview($asnId: ID!, $month: String!) {\n    asnReports(asnId: $asnId, month: $month) { id purchasedOn amount items status rejectionReason receiptImageUrl asnOrderId }\n  }\n": types.AsnReportsReviewDocument,
    "mutation RejectAsnReport($id: ID!, $reason: String!) { rejectAsnReport(id: $id, reason: $reason) { id status rejectionReason } }": types.RejectAsnReportDocument,
    "\n  query AsnOrders {\n    asnOrders { id createdAt status total statusReason buyerName vendor { id businessName phone } lines { productName unit unitPrice quantity lineTotal } }\n  }\n": types.AsnOrdersDocument,
    "mutation CompleteAsnOrder($id: ID!, $key: String) { completeAsnOrder(id: $id, idempotencyKey: $key) { id status } }": types.CompleteAsnOrderDocument,
    "mutation CancelAsnOrder($id: ID!, $reason: String!, $key: String) { cancelAsnOrder(id: $id, reason: $reason, idempotencyKey: $key) { id status statusReason } }": types.CancelAsnOrderDocument,
    "mutation PlaceAsnOrder($items: [AsnOrderItemInput!]!, $key: String) { placeAsnOrder(items: $items, idempotencyKey: $key) { id total status } }": types.PlaceAsnOrderDocument,
    "\n  query OpdsAndAccounts($pemdaId: ID!) {\n    opds(pemdaId: $pemdaId) { id code name shortName active }\n    users(pemdaId: $pemdaId, roles: [PP, PPK, KEPALA_OPD, ASN]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }\n  }\n": types.OpdsAndAccountsDocument,
    "mutation CreateOpd($input: CreateOpdInput!) { createOpd(input: $input) { id code name shortName active } }": types.CreateOpdDocument,
    "mutation UpdateOpd($id: ID!, $input: UpdateOpdInput!) { updateOpd(id: $id, input: $input) { id code name shortName active } }": types.UpdateOpdDocument,
    "\n  mutation ImportOpds($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importOpds(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }\n  }\n": types.ImportOpdsDocument,
    "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email } }": types.CreateUserDocument,
    "\n  query OpdAsnRanking($programmeId: ID!, $month: String!) {\n    opdAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }\n  }\n": types.OpdAsnRankingDocument,
    "\n  mutation ImportAsnRegistry($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importAsn(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }\n  }\n": types.ImportAsnRegistryDocument,
    "mutation SetAsnExempt($asnId: ID!, $month: String!, $exempt: Boolean!) { setAsnExempt(asnId: $asnId, month: $month, exempt: $exempt) { id } }": types.SetAsnExemptDocument,
    "mutation CreateAsnAccount($asnId: ID!, $email: String!, $password: String!) { createAsnAccount(asnId: $asnId, email: $email, password: $password) { id email } }": types.CreateAsnAccountDocument,
    "\n  fragment AuditEntry on AuditLog { id createdAt subjectType subjectId subjectName action fromStatus toStatus reason actorRole }\n": types.AuditEntryFragmentDoc,
    "\n  query AuditLog($pemdaId: ID!, $subjectType: AuditSubject, $limit: Int!, $after: ID) {\n    auditLog(pemdaId: $pemdaId, subjectType: $subjectType, limit: $limit, after: $after) { ...AuditEntry }\n  }\n": types.AuditLogDocument,
    "\n  fragment AwardVersionShown on AwardResult {\n    id period version status publishedAt\n    rows { opdId opdName assessable notAssessableReason score rank tier flags toNextTier components { component normalised weight contribution explanation } }\n  }\n": types.AwardVersionShownFragmentDoc,
    "\n  query AwardVersions($pemdaId: ID!, $period: String!) {\n    awardVersions(pemdaId: $pemdaId, period: $period) { ...AwardVersionShown }\n  }\n": types.AwardVersionsDocument,
    "\n  mutation ComputeAward($pemdaId: ID!, $year: Int!, $quarter: Int) {\n    computeAward(pemdaId: $pemdaId, year: $year, quarter: $quarter) { ...AwardVersionShown }\n  }\n": types.ComputeAwardDocument,
    "\n  query CompareAwardVersions($a: ID!, $b: ID!) {\n    compareAwardVersions(a: $a, b: $b) { opdCode opdName scoreA scoreB delta rankA rankB }\n  }\n": types.CompareAwardVersionsDocument,
    "mutation PublishAward($id: ID!) { publishAward(id: $id) { id status publishedAt } }": types.PublishAwardDocument,
    "\n  query CurationWaiting($pemdaId: ID!) {\n    curationWaiting(pemdaId: $pemdaId) { vendors products }\n  }\n": types.CurationWaitingDocument,
    "\n  query CategoryTree($pemdaId: ID!) {\n    categories(pemdaId: $pemdaId) {\n      id name code kbkiCode basicNeeds depth isLeaf\n      children { id name code kbkiCode basicNeeds depth isLeaf children { id name code kbkiCode basicNeeds depth isLeaf } }\n    }\n  }\n": types.CategoryTreeDocument,
    "mutation CreateCategory($input: CreateCategoryInput!) { createCategory(input: $input) { id } }": types.CreateCategoryDocument,
    "mutation UpdateCategory($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { id name kbkiCode basicNeeds } }": types.UpdateCategoryDocument,
    "\n  query CurationQueues($pemdaId: ID!, $order: QueueOrder, $vendorsAfter: String, $productsAfter: String) {\n    vendorCurationQueue(pemdaId: $pemdaId, first: 20, after: $vendorsAfter, order: $order) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id businessName ownerName nib scale isKoperasi domicileRegionName district status isLocal isUmkk legalDocuments { kind url contentType }\n        pendingClassification { scale isKoperasi domicileRegionName isUmkk isLocal } } }\n    }\n    productCurationQueue(pemdaId: $pemdaId, first: 20, after: $productsAfter, order: $order) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id name unit price description status isPdn tkdnPercent vendor { id businessName } category { id name }\n          pendingRevision { name price unit description isPdn tkdnPercent submittedAt }\n          priceCheck(proposed: true) { checkedPrice verdict explanation aboveEarlierPrice earlierAgreedPrice }\n        }\n      }\n    }\n  }\n": types.CurationQueuesDocument,
    "mutation VerifyVendor($id: ID!) { verifyVendor(id: $id) { id status } }": types.VerifyVendorDocument,
    "mutation RejectVendor($id: ID!, $reason: String!) { rejectVendor(id: $id, reason: $reason) { id status statusReason } }": types.RejectVendorDocument,
    "mutation ReviewVendorClassification($id: ID!, $approve: Boolean!, $reason: String) { reviewVendorClassification(id: $id, approve: $approve, reason: $reason) { id scale isKoperasi isUmkk isLocal } }": types.ReviewVendorClassificationDocument,
    "mutation ApproveProduct($id: ID!) { approveProduct(id: $id) { id status } }": types.ApproveProductDocument,
    "mutation RejectProduct($id: ID!, $reason: String!) { rejectProduct(id: $id, reason: $reason) { id status statusReason } }": types.RejectProductDocument,
    "\n  query BpbjDashboard($pemdaId: ID!, $year: Int!) {\n    spendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      pemda { budget realisedTotal realisedUmkk umkkShareOfBudget expectedUmkkByPeriodEnd shortfall status }\n      catalogueSpendYearToDate\n      catalogueSpendTarget\n      opds { rank status budget realisedUmkk umkkShareOfBudget shortfall opd { id name shortName } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year) { month realisedUmkk umkkShareOfBudgetYearToDate }\n  }\n": types.BpbjDashboardDocument,
    "\n  query SpendRecapFile($pemdaId: ID!, $year: Int!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportSpendRecap(pemdaId: $pemdaId, year: $year, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": types.SpendRecapFileDocument,
    "\n  query OrdersFile($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportOrders(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": types.OrdersFileDocument,
    "\n  query CatalogueProgressFile($pemdaId: ID!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportCatalogueProgress(pemdaId: $pemdaId, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": types.CatalogueProgressFileDocument,
    "\n  query PublishedAward($pemdaId: ID!, $period: String!) {\n    awardVersions(pemdaId: $pemdaId, period: $period) { id status }\n  }\n": types.PublishedAwardDocument,
    "\n  query AwardFile($id: ID!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportAward(id: $id, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": types.AwardFileDocument,
    "\n  query AsnProgrammeList($pemdaId: ID!) {\n    asnProgrammes(pemdaId: $pemdaId) { id name }\n  }\n": types.AsnProgrammeListDocument,
    "\n  query AsnComplianceFile($programmeId: ID!, $month: String!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportAsnCompliance(programmeId: $programmeId, month: $month, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n": types.AsnComplianceFileDocument,
    "\n  mutation RequestOrdersExport($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect, $key: String) {\n    requestOrdersExport(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect, idempotencyKey: $key) { id status }\n  }\n": types.RequestOrdersExportDocument,
    "query ExportJobs($pemdaId: ID!) { exportJobs(pemdaId: $pemdaId) { id status error from to format dialect } }": types.ExportJobsDocument,
    "query ExportJobFile($id: ID!) { exportJob(id: $id) { id file { filename contentType base64 } } }": types.ExportJobFileDocument,
    "\n  mutation ImportExternalSpend($input: ImportExternalSpendInput!) {\n    importExternalSpend(input: $input) { applied created corrected unchanged errors { row field message } }\n  }\n": types.ImportExternalSpendDocument,
    "\n  query DecemberForecast($pemdaId: ID!, $year: Int!) {\n    decemberForecast(pemdaId: $pemdaId, year: $year) {\n      throughMonth monthsLeft method targetPercent\n      pemda { budget target realisedUmkk projectedUmkk projectedShare neededPerMonth willMiss }\n      opds { opdId opdCode opdName budget realisedShare projectedShare projectedUmkk target neededPerMonth willMiss }\n    }\n    vendorConcentration(pemdaId: $pemdaId, year: $year) { opdId opdCode opdName catalogueSpend vendors topVendorName topVendorShare topThreeShare hhi }\n  }\n": types.DecemberForecastDocument,
    "\n  mutation ImportBudgets($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importOpdBudgets(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied rows errors { row field message } }\n  }\n": types.ImportBudgetsDocument,
    "query OpdCodes($pemdaId: ID!) { opds(pemdaId: $pemdaId) { id code name active } }": types.OpdCodesDocument,
    "\n  mutation CreateAsnProgramme($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id name } }\n": types.CreateAsnProgrammeDocument,
    "\n  query OpdView($pemdaId: ID!, $opdId: ID!, $year: Int!) {\n    opd(id: $opdId) { id name shortName code }\n    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {\n      targetPercent\n      opds { budget plannedUmkk allocatedUmkk plannedUmkkShare allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }\n    opdBudgetHistory(opdId: $opdId, fiscalYear: $year) { id effectiveFrom goodsServicesBudget plannedUmkk allocatedUmkk reason createdAt }\n    orders(first: 20, filter: { opdId: $opdId }) { totalCount edges { node { id code status total createdAt vendorIsUmkk vendor { id businessName } } } }\n  }\n": types.OpdViewDocument,
    "mutation SetOpdBudget($input: OpdBudgetInput!) { setOpdBudget(input: $input) { id effectiveFrom } }": types.SetOpdBudgetDocument,
    "\n  query PemdaSettings($pemdaId: ID!, $year: Int!) {\n    pemda(id: $pemdaId) {\n      id localSpendTargetPercent catalogueSpendTarget listedProductsTarget closedThrough documentNumberPattern repeatVendorLimit repeatVendorWindowDays\n    }\n    holidays(pemdaId: $pemdaId, year: $year) { id date name kind }\n    searchSynonyms(pemdaId: $pemdaId) { id term expansions }\n  }\n": types.PemdaSettingsDocument,
    "mutation UpdatePemdaTargets($id: ID!, $input: PemdaTargetsInput!) { updatePemdaTargets(id: $id, input: $input) { id localSpendTargetPercent catalogueSpendTarget listedProductsTarget } }": types.UpdatePemdaTargetsDocument,
    "mutation SetRepeatVendorRule($id: ID!, $limit: Int!, $windowDays: Int!) { setRepeatVendorRule(id: $id, limit: $limit, windowDays: $windowDays) { id repeatVendorLimit repeatVendorWindowDays } }": types.SetRepeatVendorRuleDocument,
    "mutation SetDocumentNumberPattern($id: ID!, $pattern: String!) { setDocumentNumberPattern(id: $id, pattern: $pattern) { id documentNumberPattern } }": types.SetDocumentNumberPatternDocument,
    "mutation CloseSpendPeriods($pemdaId: ID!, $month: String!, $reason: String!) { closeSpendPeriods(pemdaId: $pemdaId, month: $month, reason: $reason) { id closedThrough } }": types.CloseSpendPeriodsDocument,
    "mutation AddRegionalHoliday($pemdaId: ID!, $date: String!, $name: String!) { addRegionalHoliday(pemdaId: $pemdaId, date: $date, name: $name) { id } }": types.AddRegionalHolidayDocument,
    "mutation RemoveRegionalHoliday($id: ID!) { removeRegionalHoliday(id: $id) { id } }": types.RemoveRegionalHolidayDocument,
    "mutation SetSearchSynonym($pemdaId: ID!, $term: String!, $expansions: [String!]!) { setSearchSynonym(pemdaId: $pemdaId, term: $term, expansions: $expansions) { id term expansions } }": types.SetSearchSynonymDocument,
    "\n  query SplitOrders($pemdaId: ID!, $year: Int!) {\n    splitOrderFlags(pemdaId: $pemdaId, year: $year) {\n      opdId opdCode opdName basis keyName from to total threshold\n      orders { id code submittedOn amount }\n    }\n  }\n": types.SplitOrdersDocument,
    "\n  query BpbjVendorView($pemdaId: ID!, $vendorId: ID!) {\n    vendor(id: $vendorId) { ...VendorProfileShown statusReason verifiedAt productCount legalDocuments { kind url contentType createdAt } }\n    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [SUBMITTED, PUBLISHED, SUSPENDED, REJECTED] }, sort: NAME_ASC, first: 100) {\n      totalCount edges { node { id name price unit status statusReason } }\n    }\n    orders(first: 10, filter: { vendorId: $vendorId }) { totalCount edges { node { id code status total createdAt opd { id shortName } } } }\n    auditLog(pemdaId: $pemdaId, subjectType: VENDOR, subjectId: $vendorId, limit: 50) { id createdAt action reason actorRole }\n  }\n": types.BpbjVendorViewDocument,
    "\n  query VendorList($pemdaId: ID!, $status: VendorStatus, $after: String) {\n    vendors(pemdaId: $pemdaId, status: $status, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id businessName ownerName nib scale isKoperasi isLocal isUmkk district status statusReason productCount } }\n    }\n  }\n": types.VendorListDocument,
    "mutation SuspendVendor($id: ID!, $reason: String!) { suspendVendor(id: $id, reason: $reason) { id status statusReason } }": types.SuspendVendorDocument,
    "mutation ReinstateVendor($id: ID!) { reinstateVendor(id: $id) { id status statusReason } }": types.ReinstateVendorDocument,
    "\n  query ComparedProduct($id: ID!) {\n    product(id: $id) {\n      id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls\n      category { id name }\n      vendor { id businessName district scale isKoperasi }\n    }\n  }\n": types.ComparedProductDocument,
    "\n  query CatalogueSearch($pemdaId: ID!, $query: String, $filter: SearchFilterInput, $sort: SearchSort) {\n    searchProducts(pemdaId: $pemdaId, query: $query, filter: $filter, sort: $sort, first: 24) {\n      totalCount correctedQuery\n      edges { node { id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls vendor { id businessName district } category { id name } } }\n      facets { categories { value count } local { value count } umkk { value count } pdn { value count } basicNeeds { value count } priceBands { value count } }\n    }\n    categories(pemdaId: $pemdaId) { id name children { id name children { id name } } }\n  }\n": types.CatalogueSearchDocument,
    "query UnreadNotifications { unreadNotificationCount }": types.UnreadNotificationsDocument,
    "\n  query Notifications {\n    notifications(first: 50) { ...NotificationItem }\n    unreadNotificationCount\n    me { id emailNotifications }\n  }\n  fragment NotificationItem on Notification { id kind title body link createdAt readAt }\n": types.NotificationsDocument,
    "query OlderNotifications($after: ID!) { notifications(first: 50, after: $after) { ...NotificationItem } }": types.OlderNotificationsDocument,
    "mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }": types.MarkNotificationsReadDocument,
    "mutation SetEmailNotifications($enabled: Boolean!) { setEmailNotifications(enabled: $enabled) { id emailNotifications } }": types.SetEmailNotificationsDocument,
    "\n  query Cart($opdId: ID!) {\n    cart { id quantity unitPriceSeen product { id name unit price stock minOrderQuantity status vendor { id businessName } } }\n    ppks(opdId: $opdId) { id fullName }\n    opd(id: $opdId) { id name }\n    # The OPD's latest package: where its goods go and who approves, as the form's starting point.\n    orders(first: 1, filter: { opdId: $opdId }) { edges { node { id deliveryAddress ppk { id } } } }\n  }\n": types.CartDocument,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) { orders { id code total vendor { id businessName } } }\n  }\n": types.CreateOrderDocument,
    "\n  mutation SetCartItem($productId: ID!, $quantity: Int!) {\n    setCartItem(productId: $productId, quantity: $quantity) { id quantity unitPriceSeen product { id } }\n  }\n": types.SetCartItemDocument,
    "\n  query OpdStanding($pemdaId: ID!, $opdId: ID!, $year: Int!) {\n    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      opds { plannedUmkk plannedUmkkShare allocatedUmkk allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }\n    awardLeaderboard(pemdaId: $pemdaId) { rank opdId score tier }\n  }\n": types.OpdStandingDocument,
    "\n  query OrderList($filter: OrderFilterInput, $after: String) {\n    orders(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id code status negotiation total createdAt vendorAnswerDue awaitingPpkApproval availableActions opd { id shortName } vendor { id businessName } } }\n    }\n    orderCounts { status count total }\n  }\n": types.OrderListDocument,
    "\n  query OrderView($id: ID!) {\n    order(id: $id) {\n      id code status negotiation subtotal shippingCost total totalInWords receivedAmount awaitingPpkApproval\n      deliveryAddress rupCode neededBy notes statusReason deliveryReference bastNumber bastDate vendorAnswerDue availableActions\n      createdAt submittedAt approvedAt acceptedAt shippedAt receivedAt paidAt completedAt\n      opd { id name } vendor { id businessName district phone } createdBy { id fullName } ppk { id fullName }\n      lines { id productName unit listUnitPrice proposedUnitPrice counterUnitPrice unitPrice quantity quantityReceived lineTotal }\n      payments { id method amount paidOn vendorReceivedOn reference }\n      warnings { code message }\n      history { id createdAt action fromStatus toStatus reason actorRole }\n    }\n    orderDocuments(orderId: $id) { id kind number issuedAt replacesNumber reason }\n  }\n": types.OrderViewDocument,
    "query OrderDocumentFile($id: ID!) { orderDocumentFile(id: $id) { filename contentType base64 } }": types.OrderDocumentFileDocument,
    "mutation ReissueOrderDocument($orderId: ID!, $kind: OrderDocumentKind!, $reason: String!) { reissueOrderDocument(orderId: $orderId, kind: $kind, reason: $reason) { id number } }": types.ReissueOrderDocumentDocument,
    "fragment OrderStepResult on Order { id status negotiation total availableActions awaitingPpkApproval }": types.OrderStepResultFragmentDoc,
    "mutation SubmitOrder($id: ID!, $key: String) { submitOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }": types.SubmitOrderDocument,
    "mutation ApproveOrder($id: ID!, $key: String) { approveOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }": types.ApproveOrderDocument,
    "mutation CompleteOrder($id: ID!, $key: String) { completeOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }": types.CompleteOrderDocument,
    "mutation SetOrderShipping($id: ID!, $cost: Rupiah!, $key: String) { setOrderShippingCost(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }": types.SetOrderShippingDocument,
    "mutation ProposeOrderPrices($id: ID!, $prices: [LinePriceInput!]!, $key: String) { proposeOrderPrices(id: $id, prices: $prices, idempotencyKey: $key) { ...OrderStepResult } }": types.ProposeOrderPricesDocument,
    "mutation RespondToNegotiation($id: ID!, $accept: Boolean!, $counter: [LinePriceInput!], $key: String) { respondToOrderNegotiation(id: $id, accept: $accept, counter: $counter, idempotencyKey: $key) { ...OrderStepResult } }": types.RespondToNegotiationDocument,
    "mutation AcceptOrder($id: ID!, $cost: Rupiah, $key: String) { acceptOrder(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }": types.AcceptOrderDocument,
    "mutation RejectOrder($id: ID!, $reason: String!, $key: String) { rejectOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }": types.RejectOrderDocument,
    "mutation ShipOrder($id: ID!, $ref: String!, $key: String) { shipOrder(id: $id, deliveryReference: $ref, idempotencyKey: $key) { ...OrderStepResult } }": types.ShipOrderDocument,
    "mutation ReceiveOrder($id: ID!, $input: ReceiveOrderInput!, $key: String) { receiveOrder(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }": types.ReceiveOrderDocument,
    "mutation RecordOrderPayment($id: ID!, $input: RecordPaymentInput!, $key: String) { recordOrderPayment(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }": types.RecordOrderPaymentDocument,
    "mutation ConfirmOrderPayment($id: ID!, $receivedOn: String!, $key: String) { confirmOrderPayment(id: $id, receivedOn: $receivedOn, idempotencyKey: $key) { ...OrderStepResult } }": types.ConfirmOrderPaymentDocument,
    "mutation CancelOrder($id: ID!, $reason: String!, $key: String) { cancelOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }": types.CancelOrderDocument,
    "\n  query Pemdas {\n    pemdas { id name province timeZone }\n  }\n": types.PemdasDocument,
    "\n  query ProductView($id: ID!) {\n    product(id: $id) {\n      id name description unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls status statusReason\n      category { id name }\n      vendor { id businessName ownerName scale isKoperasi district domicileRegionName address phone contactEmail productCount isLocal isUmkk }\n    }\n  }\n": types.ProductViewDocument,
    "mutation SuspendProduct($id: ID!, $reason: String!) { suspendProduct(id: $id, reason: $reason) { id status statusReason } }": types.SuspendProductDocument,
    "mutation ReinstateProduct($id: ID!) { reinstateProduct(id: $id) { id status statusReason } }": types.ReinstateProductDocument,
    "query PublicAsnProgrammes($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name startMonth latestClosedMonth } }": types.PublicAsnProgrammesDocument,
    "\n  query PublicAsnMonth($programmeId: ID!, $month: String!) {\n    publicAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }\n  }\n": types.PublicAsnMonthDocument,
    "\n  query PublicRecap($pemdaId: ID!, $year: Int!) {\n    publicSpendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      pemda { budget realisedUmkk umkkShareOfBudget status }\n      catalogueSpendYearToDate\n      catalogueSpendTarget\n      catalogueTargetAchieved\n      opds { rank status budget realisedUmkk umkkShareOfBudget catalogueShare opd { id name shortName } }\n    }\n    catalogueProgress(pemdaId: $pemdaId) { publishedProducts publishedLocalProducts listedProductsTarget targetAchievedPercent verifiedVendors verifiedLocalUmkkVendors }\n    awardLeaderboard(pemdaId: $pemdaId) { rank opdName score tier }\n    pemda(id: $pemdaId) { id name kemendagriCode }\n  }\n": types.PublicRecapDocument,
    "\n  mutation ImportProducts($input: ImportProductsInput!) {\n    importProducts(input: $input) { applied validCount createdCount errors { row field message } }\n  }\n": types.ImportProductsDocument,
    "query RegisterPemdas { pemdas { id name kemendagriCode } }": types.RegisterPemdasDocument,
    "mutation RegisterVendor($input: RegisterVendorInput!) { registerVendor(input: $input) { id status } }": types.RegisterVendorDocument,
    "\n  query VendorHome($vendorId: ID!, $pemdaId: ID!) {\n    vendor(id: $vendorId) { ...VendorProfileShown statusReason legalDocuments { kind url contentType createdAt } }\n    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [DRAFT, SUBMITTED, PUBLISHED, REJECTED, SUSPENDED, ARCHIVED] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id name description unit price stock minOrderQuantity imageUrls isPdn tkdnPercent status statusReason category { id }\n          pendingRevision { name description categoryId unit price imageUrls isPdn tkdnPercent submittedAt }\n        }\n      }\n    }\n    categories(pemdaId: $pemdaId) { id name code children { id name code children { id name code } } }\n  }\n": types.VendorHomeDocument,
    "mutation CreateProduct($input: ProductInput!) { createProduct(input: $input) { id status } }": types.CreateProductDocument,
    "mutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) { updateProduct(id: $id, input: $input) { id status pendingRevision { submittedAt } } }": types.UpdateProductDocument,
    "mutation SubmitProduct($id: ID!) { submitProduct(id: $id) { id status } }": types.SubmitProductDocument,
    "mutation AttachVendorDocument($id: ID!, $kind: VendorDocumentKind!, $uploadId: ID!) { attachVendorDocument(id: $id, kind: $kind, uploadId: $uploadId) { id legalDocuments { kind url contentType createdAt } } }": types.AttachVendorDocumentDocument,
    "mutation RemoveProduct($id: ID!) { deleteProduct(id: $id) }": types.RemoveProductDocument,
    "\n  fragment VendorProfileShown on Vendor {\n    id businessName ownerName nib npwp scale isKoperasi domicileRegionCode domicileRegionName district address phone contactEmail\n    status isUmkk isLocal\n    bankAccount { bankName accountNumber accountName }\n    pendingClassification { scale isKoperasi domicileRegionCode domicileRegionName }\n  }\n": types.VendorProfileShownFragmentDoc,
    "mutation UpdateVendorProfile($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) { ...VendorProfileShown } }": types.UpdateVendorProfileDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { token user { id mustChangePassword } } }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { token user { id mustChangePassword } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetUserActive($id: ID!, $active: Boolean!, $reason: String!) { setUserActive(id: $id, active: $active, reason: $reason) { id active } }"): (typeof documents)["mutation SetUserActive($id: ID!, $active: Boolean!, $reason: String!) { setUserActive(id: $id, active: $active, reason: $reason) { id active } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { password user { id email mustChangePassword } } }"): (typeof documents)["mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { password user { id email mustChangePassword } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlatformPemdas { pemdas { id name kind province kemendagriCode timeZone localSpendTargetPercent } }"): (typeof documents)["query PlatformPemdas { pemdas { id name kind province kemendagriCode timeZone localSpendTargetPercent } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PemdaBpbjAccounts($pemdaId: ID!) {\n    users(pemdaId: $pemdaId, roles: [BPBJ]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }\n  }\n"): (typeof documents)["\n  query PemdaBpbjAccounts($pemdaId: ID!) {\n    users(pemdaId: $pemdaId, roles: [BPBJ]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreatePemda($input: CreatePemdaInput!) { createPemda(input: $input) { id name } }"): (typeof documents)["mutation CreatePemda($input: CreatePemdaInput!) { createPemda(input: $input) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdatePemda($id: ID!, $input: UpdatePemdaInput!) { updatePemda(id: $id, input: $input) { id name kind province kemendagriCode timeZone } }"): (typeof documents)["mutation UpdatePemda($id: ID!, $input: UpdatePemdaInput!) { updatePemda(id: $id, input: $input) { id name kind province kemendagriCode timeZone } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateBpbjAccount($input: CreateUserInput!) { createUser(input: $input) { id email } }"): (typeof documents)["mutation CreateBpbjAccount($input: CreateUserInput!) { createUser(input: $input) { id email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id fullName email role mustChangePassword pemda { id name timeZone } opd { id name shortName } vendor { id businessName } }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id fullName email role mustChangePassword pemda { id name timeZone } opd { id name shortName } vendor { id businessName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { token user { id role } }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { token user { id role } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsnHome($pemdaId: ID!, $month: String!) {\n    asnProgrammes(pemdaId: $pemdaId) { id name reportingClosesAt(month: $month) outlets { id name } }\n    myAsnReports { id purchasedOn month amount items status rejectionReason asnOrderId }\n  }\n"): (typeof documents)["\n  query AsnHome($pemdaId: ID!, $month: String!) {\n    asnProgrammes(pemdaId: $pemdaId) { id name reportingClosesAt(month: $month) outlets { id name } }\n    myAsnReports { id purchasedOn month amount items status rejectionReason asnOrderId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsnMonthRow($programmeId: ID!, $month: String!) {\n    asnMonthlyCompliance(programmeId: $programmeId, month: $month) { required reported counted status }\n  }\n"): (typeof documents)["\n  query AsnMonthRow($programmeId: ID!, $month: String!) {\n    asnMonthlyCompliance(programmeId: $programmeId, month: $month) { required reported counted status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportAsnPurchase($input: ReportAsnPurchaseInput!) { reportAsnPurchase(input: $input) { id status } }\n"): (typeof documents)["\n  mutation ReportAsnPurchase($input: ReportAsnPurchaseInput!) { reportAsnPurchase(input: $input) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AsnProgrammeList($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name } }"): (typeof documents)["query AsnProgrammeList($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpdAsnRows($programmeId: ID!, $opdId: ID!, $month: String!) {\n    asnMonthlyCompliance(programmeId: $programmeId, opdId: $opdId, month: $month) { asn { id nip name grade } required reported counted status }\n  }\n"): (typeof documents)["\n  query OpdAsnRows($programmeId: ID!, $opdId: ID!, $month: String!) {\n    asnMonthlyCompliance(programmeId: $programmeId, opdId: $opdId, month: $month) { asn { id nip name grade } required reported counted status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsnReportsReview($asnId: ID!, $month: String!) {\n    asnReports(asnId: $asnId, month: $month) { id purchasedOn amount items status rejectionReason receiptImageUrl asnOrderId }\n  }\n"): (typeof documents)["\n  query AsnReportsReview($asnId: ID!, $month: String!) {\n    asnReports(asnId: $asnId, month: $month) { id purchasedOn amount items status rejectionReason receiptImageUrl asnOrderId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectAsnReport($id: ID!, $reason: String!) { rejectAsnReport(id: $id, reason: $reason) { id status rejectionReason } }"): (typeof documents)["mutation RejectAsnReport($id: ID!, $reason: String!) { rejectAsnReport(id: $id, reason: $reason) { id status rejectionReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsnOrders {\n    asnOrders { id createdAt status total statusReason buyerName vendor { id businessName phone } lines { productName unit unitPrice quantity lineTotal } }\n  }\n"): (typeof documents)["\n  query AsnOrders {\n    asnOrders { id createdAt status total statusReason buyerName vendor { id businessName phone } lines { productName unit unitPrice quantity lineTotal } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteAsnOrder($id: ID!, $key: String) { completeAsnOrder(id: $id, idempotencyKey: $key) { id status } }"): (typeof documents)["mutation CompleteAsnOrder($id: ID!, $key: String) { completeAsnOrder(id: $id, idempotencyKey: $key) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelAsnOrder($id: ID!, $reason: String!, $key: String) { cancelAsnOrder(id: $id, reason: $reason, idempotencyKey: $key) { id status statusReason } }"): (typeof documents)["mutation CancelAsnOrder($id: ID!, $reason: String!, $key: String) { cancelAsnOrder(id: $id, reason: $reason, idempotencyKey: $key) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PlaceAsnOrder($items: [AsnOrderItemInput!]!, $key: String) { placeAsnOrder(items: $items, idempotencyKey: $key) { id total status } }"): (typeof documents)["mutation PlaceAsnOrder($items: [AsnOrderItemInput!]!, $key: String) { placeAsnOrder(items: $items, idempotencyKey: $key) { id total status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpdsAndAccounts($pemdaId: ID!) {\n    opds(pemdaId: $pemdaId) { id code name shortName active }\n    users(pemdaId: $pemdaId, roles: [PP, PPK, KEPALA_OPD, ASN]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }\n  }\n"): (typeof documents)["\n  query OpdsAndAccounts($pemdaId: ID!) {\n    opds(pemdaId: $pemdaId) { id code name shortName active }\n    users(pemdaId: $pemdaId, roles: [PP, PPK, KEPALA_OPD, ASN]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateOpd($input: CreateOpdInput!) { createOpd(input: $input) { id code name shortName active } }"): (typeof documents)["mutation CreateOpd($input: CreateOpdInput!) { createOpd(input: $input) { id code name shortName active } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateOpd($id: ID!, $input: UpdateOpdInput!) { updateOpd(id: $id, input: $input) { id code name shortName active } }"): (typeof documents)["mutation UpdateOpd($id: ID!, $input: UpdateOpdInput!) { updateOpd(id: $id, input: $input) { id code name shortName active } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportOpds($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importOpds(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }\n  }\n"): (typeof documents)["\n  mutation ImportOpds($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importOpds(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email } }"): (typeof documents)["mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpdAsnRanking($programmeId: ID!, $month: String!) {\n    opdAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }\n  }\n"): (typeof documents)["\n  query OpdAsnRanking($programmeId: ID!, $month: String!) {\n    opdAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportAsnRegistry($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importAsn(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }\n  }\n"): (typeof documents)["\n  mutation ImportAsnRegistry($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importAsn(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetAsnExempt($asnId: ID!, $month: String!, $exempt: Boolean!) { setAsnExempt(asnId: $asnId, month: $month, exempt: $exempt) { id } }"): (typeof documents)["mutation SetAsnExempt($asnId: ID!, $month: String!, $exempt: Boolean!) { setAsnExempt(asnId: $asnId, month: $month, exempt: $exempt) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateAsnAccount($asnId: ID!, $email: String!, $password: String!) { createAsnAccount(asnId: $asnId, email: $email, password: $password) { id email } }"): (typeof documents)["mutation CreateAsnAccount($asnId: ID!, $email: String!, $password: String!) { createAsnAccount(asnId: $asnId, email: $email, password: $password) { id email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntry on AuditLog { id createdAt subjectType subjectId subjectName action fromStatus toStatus reason actorRole }\n"): (typeof documents)["\n  fragment AuditEntry on AuditLog { id createdAt subjectType subjectId subjectName action fromStatus toStatus reason actorRole }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($pemdaId: ID!, $subjectType: AuditSubject, $limit: Int!, $after: ID) {\n    auditLog(pemdaId: $pemdaId, subjectType: $subjectType, limit: $limit, after: $after) { ...AuditEntry }\n  }\n"): (typeof documents)["\n  query AuditLog($pemdaId: ID!, $subjectType: AuditSubject, $limit: Int!, $after: ID) {\n    auditLog(pemdaId: $pemdaId, subjectType: $subjectType, limit: $limit, after: $after) { ...AuditEntry }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AwardVersionShown on AwardResult {\n    id period version status publishedAt\n    rows { opdId opdName assessable notAssessableReason score rank tier flags toNextTier components { component normalised weight contribution explanation } }\n  }\n"): (typeof documents)["\n  fragment AwardVersionShown on AwardResult {\n    id period version status publishedAt\n    rows { opdId opdName assessable notAssessableReason score rank tier flags toNextTier components { component normalised weight contribution explanation } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardVersions($pemdaId: ID!, $period: String!) {\n    awardVersions(pemdaId: $pemdaId, period: $period) { ...AwardVersionShown }\n  }\n"): (typeof documents)["\n  query AwardVersions($pemdaId: ID!, $period: String!) {\n    awardVersions(pemdaId: $pemdaId, period: $period) { ...AwardVersionShown }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComputeAward($pemdaId: ID!, $year: Int!, $quarter: Int) {\n    computeAward(pemdaId: $pemdaId, year: $year, quarter: $quarter) { ...AwardVersionShown }\n  }\n"): (typeof documents)["\n  mutation ComputeAward($pemdaId: ID!, $year: Int!, $quarter: Int) {\n    computeAward(pemdaId: $pemdaId, year: $year, quarter: $quarter) { ...AwardVersionShown }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareAwardVersions($a: ID!, $b: ID!) {\n    compareAwardVersions(a: $a, b: $b) { opdCode opdName scoreA scoreB delta rankA rankB }\n  }\n"): (typeof documents)["\n  query CompareAwardVersions($a: ID!, $b: ID!) {\n    compareAwardVersions(a: $a, b: $b) { opdCode opdName scoreA scoreB delta rankA rankB }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PublishAward($id: ID!) { publishAward(id: $id) { id status publishedAt } }"): (typeof documents)["mutation PublishAward($id: ID!) { publishAward(id: $id) { id status publishedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurationWaiting($pemdaId: ID!) {\n    curationWaiting(pemdaId: $pemdaId) { vendors products }\n  }\n"): (typeof documents)["\n  query CurationWaiting($pemdaId: ID!) {\n    curationWaiting(pemdaId: $pemdaId) { vendors products }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CategoryTree($pemdaId: ID!) {\n    categories(pemdaId: $pemdaId) {\n      id name code kbkiCode basicNeeds depth isLeaf\n      children { id name code kbkiCode basicNeeds depth isLeaf children { id name code kbkiCode basicNeeds depth isLeaf } }\n    }\n  }\n"): (typeof documents)["\n  query CategoryTree($pemdaId: ID!) {\n    categories(pemdaId: $pemdaId) {\n      id name code kbkiCode basicNeeds depth isLeaf\n      children { id name code kbkiCode basicNeeds depth isLeaf children { id name code kbkiCode basicNeeds depth isLeaf } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCategory($input: CreateCategoryInput!) { createCategory(input: $input) { id } }"): (typeof documents)["mutation CreateCategory($input: CreateCategoryInput!) { createCategory(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateCategory($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { id name kbkiCode basicNeeds } }"): (typeof documents)["mutation UpdateCategory($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { id name kbkiCode basicNeeds } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurationQueues($pemdaId: ID!, $order: QueueOrder, $vendorsAfter: String, $productsAfter: String) {\n    vendorCurationQueue(pemdaId: $pemdaId, first: 20, after: $vendorsAfter, order: $order) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id businessName ownerName nib scale isKoperasi domicileRegionName district status isLocal isUmkk legalDocuments { kind url contentType }\n        pendingClassification { scale isKoperasi domicileRegionName isUmkk isLocal } } }\n    }\n    productCurationQueue(pemdaId: $pemdaId, first: 20, after: $productsAfter, order: $order) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id name unit price description status isPdn tkdnPercent vendor { id businessName } category { id name }\n          pendingRevision { name price unit description isPdn tkdnPercent submittedAt }\n          priceCheck(proposed: true) { checkedPrice verdict explanation aboveEarlierPrice earlierAgreedPrice }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CurationQueues($pemdaId: ID!, $order: QueueOrder, $vendorsAfter: String, $productsAfter: String) {\n    vendorCurationQueue(pemdaId: $pemdaId, first: 20, after: $vendorsAfter, order: $order) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id businessName ownerName nib scale isKoperasi domicileRegionName district status isLocal isUmkk legalDocuments { kind url contentType }\n        pendingClassification { scale isKoperasi domicileRegionName isUmkk isLocal } } }\n    }\n    productCurationQueue(pemdaId: $pemdaId, first: 20, after: $productsAfter, order: $order) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id name unit price description status isPdn tkdnPercent vendor { id businessName } category { id name }\n          pendingRevision { name price unit description isPdn tkdnPercent submittedAt }\n          priceCheck(proposed: true) { checkedPrice verdict explanation aboveEarlierPrice earlierAgreedPrice }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyVendor($id: ID!) { verifyVendor(id: $id) { id status } }"): (typeof documents)["mutation VerifyVendor($id: ID!) { verifyVendor(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectVendor($id: ID!, $reason: String!) { rejectVendor(id: $id, reason: $reason) { id status statusReason } }"): (typeof documents)["mutation RejectVendor($id: ID!, $reason: String!) { rejectVendor(id: $id, reason: $reason) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviewVendorClassification($id: ID!, $approve: Boolean!, $reason: String) { reviewVendorClassification(id: $id, approve: $approve, reason: $reason) { id scale isKoperasi isUmkk isLocal } }"): (typeof documents)["mutation ReviewVendorClassification($id: ID!, $approve: Boolean!, $reason: String) { reviewVendorClassification(id: $id, approve: $approve, reason: $reason) { id scale isKoperasi isUmkk isLocal } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveProduct($id: ID!) { approveProduct(id: $id) { id status } }"): (typeof documents)["mutation ApproveProduct($id: ID!) { approveProduct(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectProduct($id: ID!, $reason: String!) { rejectProduct(id: $id, reason: $reason) { id status statusReason } }"): (typeof documents)["mutation RejectProduct($id: ID!, $reason: String!) { rejectProduct(id: $id, reason: $reason) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BpbjDashboard($pemdaId: ID!, $year: Int!) {\n    spendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      pemda { budget realisedTotal realisedUmkk umkkShareOfBudget expectedUmkkByPeriodEnd shortfall status }\n      catalogueSpendYearToDate\n      catalogueSpendTarget\n      opds { rank status budget realisedUmkk umkkShareOfBudget shortfall opd { id name shortName } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year) { month realisedUmkk umkkShareOfBudgetYearToDate }\n  }\n"): (typeof documents)["\n  query BpbjDashboard($pemdaId: ID!, $year: Int!) {\n    spendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      pemda { budget realisedTotal realisedUmkk umkkShareOfBudget expectedUmkkByPeriodEnd shortfall status }\n      catalogueSpendYearToDate\n      catalogueSpendTarget\n      opds { rank status budget realisedUmkk umkkShareOfBudget shortfall opd { id name shortName } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year) { month realisedUmkk umkkShareOfBudgetYearToDate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpendRecapFile($pemdaId: ID!, $year: Int!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportSpendRecap(pemdaId: $pemdaId, year: $year, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"): (typeof documents)["\n  query SpendRecapFile($pemdaId: ID!, $year: Int!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportSpendRecap(pemdaId: $pemdaId, year: $year, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersFile($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportOrders(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"): (typeof documents)["\n  query OrdersFile($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportOrders(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueProgressFile($pemdaId: ID!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportCatalogueProgress(pemdaId: $pemdaId, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"): (typeof documents)["\n  query CatalogueProgressFile($pemdaId: ID!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportCatalogueProgress(pemdaId: $pemdaId, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedAward($pemdaId: ID!, $period: String!) {\n    awardVersions(pemdaId: $pemdaId, period: $period) { id status }\n  }\n"): (typeof documents)["\n  query PublishedAward($pemdaId: ID!, $period: String!) {\n    awardVersions(pemdaId: $pemdaId, period: $period) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardFile($id: ID!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportAward(id: $id, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"): (typeof documents)["\n  query AwardFile($id: ID!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportAward(id: $id, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsnProgrammeList($pemdaId: ID!) {\n    asnProgrammes(pemdaId: $pemdaId) { id name }\n  }\n"): (typeof documents)["\n  query AsnProgrammeList($pemdaId: ID!) {\n    asnProgrammes(pemdaId: $pemdaId) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsnComplianceFile($programmeId: ID!, $month: String!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportAsnCompliance(programmeId: $programmeId, month: $month, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"): (typeof documents)["\n  query AsnComplianceFile($programmeId: ID!, $month: String!, $format: ExportFormat!, $dialect: CsvDialect) {\n    exportAsnCompliance(programmeId: $programmeId, month: $month, format: $format, dialect: $dialect) { filename contentType base64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestOrdersExport($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect, $key: String) {\n    requestOrdersExport(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect, idempotencyKey: $key) { id status }\n  }\n"): (typeof documents)["\n  mutation RequestOrdersExport($pemdaId: ID!, $from: String!, $to: String!, $format: ExportFormat!, $dialect: CsvDialect, $key: String) {\n    requestOrdersExport(pemdaId: $pemdaId, from: $from, to: $to, format: $format, dialect: $dialect, idempotencyKey: $key) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportJobs($pemdaId: ID!) { exportJobs(pemdaId: $pemdaId) { id status error from to format dialect } }"): (typeof documents)["query ExportJobs($pemdaId: ID!) { exportJobs(pemdaId: $pemdaId) { id status error from to format dialect } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportJobFile($id: ID!) { exportJob(id: $id) { id file { filename contentType base64 } } }"): (typeof documents)["query ExportJobFile($id: ID!) { exportJob(id: $id) { id file { filename contentType base64 } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportExternalSpend($input: ImportExternalSpendInput!) {\n    importExternalSpend(input: $input) { applied created corrected unchanged errors { row field message } }\n  }\n"): (typeof documents)["\n  mutation ImportExternalSpend($input: ImportExternalSpendInput!) {\n    importExternalSpend(input: $input) { applied created corrected unchanged errors { row field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecemberForecast($pemdaId: ID!, $year: Int!) {\n    decemberForecast(pemdaId: $pemdaId, year: $year) {\n      throughMonth monthsLeft method targetPercent\n      pemda { budget target realisedUmkk projectedUmkk projectedShare neededPerMonth willMiss }\n      opds { opdId opdCode opdName budget realisedShare projectedShare projectedUmkk target neededPerMonth willMiss }\n    }\n    vendorConcentration(pemdaId: $pemdaId, year: $year) { opdId opdCode opdName catalogueSpend vendors topVendorName topVendorShare topThreeShare hhi }\n  }\n"): (typeof documents)["\n  query DecemberForecast($pemdaId: ID!, $year: Int!) {\n    decemberForecast(pemdaId: $pemdaId, year: $year) {\n      throughMonth monthsLeft method targetPercent\n      pemda { budget target realisedUmkk projectedUmkk projectedShare neededPerMonth willMiss }\n      opds { opdId opdCode opdName budget realisedShare projectedShare projectedUmkk target neededPerMonth willMiss }\n    }\n    vendorConcentration(pemdaId: $pemdaId, year: $year) { opdId opdCode opdName catalogueSpend vendors topVendorName topVendorShare topThreeShare hhi }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportBudgets($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importOpdBudgets(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied rows errors { row field message } }\n  }\n"): (typeof documents)["\n  mutation ImportBudgets($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {\n    importOpdBudgets(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied rows errors { row field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OpdCodes($pemdaId: ID!) { opds(pemdaId: $pemdaId) { id code name active } }"): (typeof documents)["query OpdCodes($pemdaId: ID!) { opds(pemdaId: $pemdaId) { id code name active } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAsnProgramme($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id name } }\n"): (typeof documents)["\n  mutation CreateAsnProgramme($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpdView($pemdaId: ID!, $opdId: ID!, $year: Int!) {\n    opd(id: $opdId) { id name shortName code }\n    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {\n      targetPercent\n      opds { budget plannedUmkk allocatedUmkk plannedUmkkShare allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }\n    opdBudgetHistory(opdId: $opdId, fiscalYear: $year) { id effectiveFrom goodsServicesBudget plannedUmkk allocatedUmkk reason createdAt }\n    orders(first: 20, filter: { opdId: $opdId }) { totalCount edges { node { id code status total createdAt vendorIsUmkk vendor { id businessName } } } }\n  }\n"): (typeof documents)["\n  query OpdView($pemdaId: ID!, $opdId: ID!, $year: Int!) {\n    opd(id: $opdId) { id name shortName code }\n    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {\n      targetPercent\n      opds { budget plannedUmkk allocatedUmkk plannedUmkkShare allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }\n    opdBudgetHistory(opdId: $opdId, fiscalYear: $year) { id effectiveFrom goodsServicesBudget plannedUmkk allocatedUmkk reason createdAt }\n    orders(first: 20, filter: { opdId: $opdId }) { totalCount edges { node { id code status total createdAt vendorIsUmkk vendor { id businessName } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetOpdBudget($input: OpdBudgetInput!) { setOpdBudget(input: $input) { id effectiveFrom } }"): (typeof documents)["mutation SetOpdBudget($input: OpdBudgetInput!) { setOpdBudget(input: $input) { id effectiveFrom } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PemdaSettings($pemdaId: ID!, $year: Int!) {\n    pemda(id: $pemdaId) {\n      id localSpendTargetPercent catalogueSpendTarget listedProductsTarget closedThrough documentNumberPattern repeatVendorLimit repeatVendorWindowDays\n    }\n    holidays(pemdaId: $pemdaId, year: $year) { id date name kind }\n    searchSynonyms(pemdaId: $pemdaId) { id term expansions }\n  }\n"): (typeof documents)["\n  query PemdaSettings($pemdaId: ID!, $year: Int!) {\n    pemda(id: $pemdaId) {\n      id localSpendTargetPercent catalogueSpendTarget listedProductsTarget closedThrough documentNumberPattern repeatVendorLimit repeatVendorWindowDays\n    }\n    holidays(pemdaId: $pemdaId, year: $year) { id date name kind }\n    searchSynonyms(pemdaId: $pemdaId) { id term expansions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdatePemdaTargets($id: ID!, $input: PemdaTargetsInput!) { updatePemdaTargets(id: $id, input: $input) { id localSpendTargetPercent catalogueSpendTarget listedProductsTarget } }"): (typeof documents)["mutation UpdatePemdaTargets($id: ID!, $input: PemdaTargetsInput!) { updatePemdaTargets(id: $id, input: $input) { id localSpendTargetPercent catalogueSpendTarget listedProductsTarget } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRepeatVendorRule($id: ID!, $limit: Int!, $windowDays: Int!) { setRepeatVendorRule(id: $id, limit: $limit, windowDays: $windowDays) { id repeatVendorLimit repeatVendorWindowDays } }"): (typeof documents)["mutation SetRepeatVendorRule($id: ID!, $limit: Int!, $windowDays: Int!) { setRepeatVendorRule(id: $id, limit: $limit, windowDays: $windowDays) { id repeatVendorLimit repeatVendorWindowDays } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetDocumentNumberPattern($id: ID!, $pattern: String!) { setDocumentNumberPattern(id: $id, pattern: $pattern) { id documentNumberPattern } }"): (typeof documents)["mutation SetDocumentNumberPattern($id: ID!, $pattern: String!) { setDocumentNumberPattern(id: $id, pattern: $pattern) { id documentNumberPattern } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CloseSpendPeriods($pemdaId: ID!, $month: String!, $reason: String!) { closeSpendPeriods(pemdaId: $pemdaId, month: $month, reason: $reason) { id closedThrough } }"): (typeof documents)["mutation CloseSpendPeriods($pemdaId: ID!, $month: String!, $reason: String!) { closeSpendPeriods(pemdaId: $pemdaId, month: $month, reason: $reason) { id closedThrough } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddRegionalHoliday($pemdaId: ID!, $date: String!, $name: String!) { addRegionalHoliday(pemdaId: $pemdaId, date: $date, name: $name) { id } }"): (typeof documents)["mutation AddRegionalHoliday($pemdaId: ID!, $date: String!, $name: String!) { addRegionalHoliday(pemdaId: $pemdaId, date: $date, name: $name) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveRegionalHoliday($id: ID!) { removeRegionalHoliday(id: $id) { id } }"): (typeof documents)["mutation RemoveRegionalHoliday($id: ID!) { removeRegionalHoliday(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetSearchSynonym($pemdaId: ID!, $term: String!, $expansions: [String!]!) { setSearchSynonym(pemdaId: $pemdaId, term: $term, expansions: $expansions) { id term expansions } }"): (typeof documents)["mutation SetSearchSynonym($pemdaId: ID!, $term: String!, $expansions: [String!]!) { setSearchSynonym(pemdaId: $pemdaId, term: $term, expansions: $expansions) { id term expansions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SplitOrders($pemdaId: ID!, $year: Int!) {\n    splitOrderFlags(pemdaId: $pemdaId, year: $year) {\n      opdId opdCode opdName basis keyName from to total threshold\n      orders { id code submittedOn amount }\n    }\n  }\n"): (typeof documents)["\n  query SplitOrders($pemdaId: ID!, $year: Int!) {\n    splitOrderFlags(pemdaId: $pemdaId, year: $year) {\n      opdId opdCode opdName basis keyName from to total threshold\n      orders { id code submittedOn amount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BpbjVendorView($pemdaId: ID!, $vendorId: ID!) {\n    vendor(id: $vendorId) { ...VendorProfileShown statusReason verifiedAt productCount legalDocuments { kind url contentType createdAt } }\n    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [SUBMITTED, PUBLISHED, SUSPENDED, REJECTED] }, sort: NAME_ASC, first: 100) {\n      totalCount edges { node { id name price unit status statusReason } }\n    }\n    orders(first: 10, filter: { vendorId: $vendorId }) { totalCount edges { node { id code status total createdAt opd { id shortName } } } }\n    auditLog(pemdaId: $pemdaId, subjectType: VENDOR, subjectId: $vendorId, limit: 50) { id createdAt action reason actorRole }\n  }\n"): (typeof documents)["\n  query BpbjVendorView($pemdaId: ID!, $vendorId: ID!) {\n    vendor(id: $vendorId) { ...VendorProfileShown statusReason verifiedAt productCount legalDocuments { kind url contentType createdAt } }\n    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [SUBMITTED, PUBLISHED, SUSPENDED, REJECTED] }, sort: NAME_ASC, first: 100) {\n      totalCount edges { node { id name price unit status statusReason } }\n    }\n    orders(first: 10, filter: { vendorId: $vendorId }) { totalCount edges { node { id code status total createdAt opd { id shortName } } } }\n    auditLog(pemdaId: $pemdaId, subjectType: VENDOR, subjectId: $vendorId, limit: 50) { id createdAt action reason actorRole }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VendorList($pemdaId: ID!, $status: VendorStatus, $after: String) {\n    vendors(pemdaId: $pemdaId, status: $status, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id businessName ownerName nib scale isKoperasi isLocal isUmkk district status statusReason productCount } }\n    }\n  }\n"): (typeof documents)["\n  query VendorList($pemdaId: ID!, $status: VendorStatus, $after: String) {\n    vendors(pemdaId: $pemdaId, status: $status, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id businessName ownerName nib scale isKoperasi isLocal isUmkk district status statusReason productCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SuspendVendor($id: ID!, $reason: String!) { suspendVendor(id: $id, reason: $reason) { id status statusReason } }"): (typeof documents)["mutation SuspendVendor($id: ID!, $reason: String!) { suspendVendor(id: $id, reason: $reason) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReinstateVendor($id: ID!) { reinstateVendor(id: $id) { id status statusReason } }"): (typeof documents)["mutation ReinstateVendor($id: ID!) { reinstateVendor(id: $id) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComparedProduct($id: ID!) {\n    product(id: $id) {\n      id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls\n      category { id name }\n      vendor { id businessName district scale isKoperasi }\n    }\n  }\n"): (typeof documents)["\n  query ComparedProduct($id: ID!) {\n    product(id: $id) {\n      id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls\n      category { id name }\n      vendor { id businessName district scale isKoperasi }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueSearch($pemdaId: ID!, $query: String, $filter: SearchFilterInput, $sort: SearchSort) {\n    searchProducts(pemdaId: $pemdaId, query: $query, filter: $filter, sort: $sort, first: 24) {\n      totalCount correctedQuery\n      edges { node { id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls vendor { id businessName district } category { id name } } }\n      facets { categories { value count } local { value count } umkk { value count } pdn { value count } basicNeeds { value count } priceBands { value count } }\n    }\n    categories(pemdaId: $pemdaId) { id name children { id name children { id name } } }\n  }\n"): (typeof documents)["\n  query CatalogueSearch($pemdaId: ID!, $query: String, $filter: SearchFilterInput, $sort: SearchSort) {\n    searchProducts(pemdaId: $pemdaId, query: $query, filter: $filter, sort: $sort, first: 24) {\n      totalCount correctedQuery\n      edges { node { id name unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls vendor { id businessName district } category { id name } } }\n      facets { categories { value count } local { value count } umkk { value count } pdn { value count } basicNeeds { value count } priceBands { value count } }\n    }\n    categories(pemdaId: $pemdaId) { id name children { id name children { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnreadNotifications { unreadNotificationCount }"): (typeof documents)["query UnreadNotifications { unreadNotificationCount }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications {\n    notifications(first: 50) { ...NotificationItem }\n    unreadNotificationCount\n    me { id emailNotifications }\n  }\n  fragment NotificationItem on Notification { id kind title body link createdAt readAt }\n"): (typeof documents)["\n  query Notifications {\n    notifications(first: 50) { ...NotificationItem }\n    unreadNotificationCount\n    me { id emailNotifications }\n  }\n  fragment NotificationItem on Notification { id kind title body link createdAt readAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OlderNotifications($after: ID!) { notifications(first: 50, after: $after) { ...NotificationItem } }"): (typeof documents)["query OlderNotifications($after: ID!) { notifications(first: 50, after: $after) { ...NotificationItem } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }"): (typeof documents)["mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetEmailNotifications($enabled: Boolean!) { setEmailNotifications(enabled: $enabled) { id emailNotifications } }"): (typeof documents)["mutation SetEmailNotifications($enabled: Boolean!) { setEmailNotifications(enabled: $enabled) { id emailNotifications } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cart($opdId: ID!) {\n    cart { id quantity unitPriceSeen product { id name unit price stock minOrderQuantity status vendor { id businessName } } }\n    ppks(opdId: $opdId) { id fullName }\n    opd(id: $opdId) { id name }\n    # The OPD's latest package: where its goods go and who approves, as the form's starting point.\n    orders(first: 1, filter: { opdId: $opdId }) { edges { node { id deliveryAddress ppk { id } } } }\n  }\n"): (typeof documents)["\n  query Cart($opdId: ID!) {\n    cart { id quantity unitPriceSeen product { id name unit price stock minOrderQuantity status vendor { id businessName } } }\n    ppks(opdId: $opdId) { id fullName }\n    opd(id: $opdId) { id name }\n    # The OPD's latest package: where its goods go and who approves, as the form's starting point.\n    orders(first: 1, filter: { opdId: $opdId }) { edges { node { id deliveryAddress ppk { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) { orders { id code total vendor { id businessName } } }\n  }\n"): (typeof documents)["\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) { orders { id code total vendor { id businessName } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCartItem($productId: ID!, $quantity: Int!) {\n    setCartItem(productId: $productId, quantity: $quantity) { id quantity unitPriceSeen product { id } }\n  }\n"): (typeof documents)["\n  mutation SetCartItem($productId: ID!, $quantity: Int!) {\n    setCartItem(productId: $productId, quantity: $quantity) { id quantity unitPriceSeen product { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpdStanding($pemdaId: ID!, $opdId: ID!, $year: Int!) {\n    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      opds { plannedUmkk plannedUmkkShare allocatedUmkk allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }\n    awardLeaderboard(pemdaId: $pemdaId) { rank opdId score tier }\n  }\n"): (typeof documents)["\n  query OpdStanding($pemdaId: ID!, $opdId: ID!, $year: Int!) {\n    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      opds { plannedUmkk plannedUmkkShare allocatedUmkk allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }\n    }\n    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }\n    awardLeaderboard(pemdaId: $pemdaId) { rank opdId score tier }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderList($filter: OrderFilterInput, $after: String) {\n    orders(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id code status negotiation total createdAt vendorAnswerDue awaitingPpkApproval availableActions opd { id shortName } vendor { id businessName } } }\n    }\n    orderCounts { status count total }\n  }\n"): (typeof documents)["\n  query OrderList($filter: OrderFilterInput, $after: String) {\n    orders(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id code status negotiation total createdAt vendorAnswerDue awaitingPpkApproval availableActions opd { id shortName } vendor { id businessName } } }\n    }\n    orderCounts { status count total }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderView($id: ID!) {\n    order(id: $id) {\n      id code status negotiation subtotal shippingCost total totalInWords receivedAmount awaitingPpkApproval\n      deliveryAddress rupCode neededBy notes statusReason deliveryReference bastNumber bastDate vendorAnswerDue availableActions\n      createdAt submittedAt approvedAt acceptedAt shippedAt receivedAt paidAt completedAt\n      opd { id name } vendor { id businessName district phone } createdBy { id fullName } ppk { id fullName }\n      lines { id productName unit listUnitPrice proposedUnitPrice counterUnitPrice unitPrice quantity quantityReceived lineTotal }\n      payments { id method amount paidOn vendorReceivedOn reference }\n      warnings { code message }\n      history { id createdAt action fromStatus toStatus reason actorRole }\n    }\n    orderDocuments(orderId: $id) { id kind number issuedAt replacesNumber reason }\n  }\n"): (typeof documents)["\n  query OrderView($id: ID!) {\n    order(id: $id) {\n      id code status negotiation subtotal shippingCost total totalInWords receivedAmount awaitingPpkApproval\n      deliveryAddress rupCode neededBy notes statusReason deliveryReference bastNumber bastDate vendorAnswerDue availableActions\n      createdAt submittedAt approvedAt acceptedAt shippedAt receivedAt paidAt completedAt\n      opd { id name } vendor { id businessName district phone } createdBy { id fullName } ppk { id fullName }\n      lines { id productName unit listUnitPrice proposedUnitPrice counterUnitPrice unitPrice quantity quantityReceived lineTotal }\n      payments { id method amount paidOn vendorReceivedOn reference }\n      warnings { code message }\n      history { id createdAt action fromStatus toStatus reason actorRole }\n    }\n    orderDocuments(orderId: $id) { id kind number issuedAt replacesNumber reason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderDocumentFile($id: ID!) { orderDocumentFile(id: $id) { filename contentType base64 } }"): (typeof documents)["query OrderDocumentFile($id: ID!) { orderDocumentFile(id: $id) { filename contentType base64 } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReissueOrderDocument($orderId: ID!, $kind: OrderDocumentKind!, $reason: String!) { reissueOrderDocument(orderId: $orderId, kind: $kind, reason: $reason) { id number } }"): (typeof documents)["mutation ReissueOrderDocument($orderId: ID!, $kind: OrderDocumentKind!, $reason: String!) { reissueOrderDocument(orderId: $orderId, kind: $kind, reason: $reason) { id number } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OrderStepResult on Order { id status negotiation total availableActions awaitingPpkApproval }"): (typeof documents)["fragment OrderStepResult on Order { id status negotiation total availableActions awaitingPpkApproval }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitOrder($id: ID!, $key: String) { submitOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation SubmitOrder($id: ID!, $key: String) { submitOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveOrder($id: ID!, $key: String) { approveOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation ApproveOrder($id: ID!, $key: String) { approveOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteOrder($id: ID!, $key: String) { completeOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation CompleteOrder($id: ID!, $key: String) { completeOrder(id: $id, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetOrderShipping($id: ID!, $cost: Rupiah!, $key: String) { setOrderShippingCost(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation SetOrderShipping($id: ID!, $cost: Rupiah!, $key: String) { setOrderShippingCost(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProposeOrderPrices($id: ID!, $prices: [LinePriceInput!]!, $key: String) { proposeOrderPrices(id: $id, prices: $prices, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation ProposeOrderPrices($id: ID!, $prices: [LinePriceInput!]!, $key: String) { proposeOrderPrices(id: $id, prices: $prices, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RespondToNegotiation($id: ID!, $accept: Boolean!, $counter: [LinePriceInput!], $key: String) { respondToOrderNegotiation(id: $id, accept: $accept, counter: $counter, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation RespondToNegotiation($id: ID!, $accept: Boolean!, $counter: [LinePriceInput!], $key: String) { respondToOrderNegotiation(id: $id, accept: $accept, counter: $counter, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptOrder($id: ID!, $cost: Rupiah, $key: String) { acceptOrder(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation AcceptOrder($id: ID!, $cost: Rupiah, $key: String) { acceptOrder(id: $id, shippingCost: $cost, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectOrder($id: ID!, $reason: String!, $key: String) { rejectOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation RejectOrder($id: ID!, $reason: String!, $key: String) { rejectOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShipOrder($id: ID!, $ref: String!, $key: String) { shipOrder(id: $id, deliveryReference: $ref, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation ShipOrder($id: ID!, $ref: String!, $key: String) { shipOrder(id: $id, deliveryReference: $ref, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReceiveOrder($id: ID!, $input: ReceiveOrderInput!, $key: String) { receiveOrder(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation ReceiveOrder($id: ID!, $input: ReceiveOrderInput!, $key: String) { receiveOrder(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordOrderPayment($id: ID!, $input: RecordPaymentInput!, $key: String) { recordOrderPayment(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation RecordOrderPayment($id: ID!, $input: RecordPaymentInput!, $key: String) { recordOrderPayment(id: $id, input: $input, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmOrderPayment($id: ID!, $receivedOn: String!, $key: String) { confirmOrderPayment(id: $id, receivedOn: $receivedOn, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation ConfirmOrderPayment($id: ID!, $receivedOn: String!, $key: String) { confirmOrderPayment(id: $id, receivedOn: $receivedOn, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelOrder($id: ID!, $reason: String!, $key: String) { cancelOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }"): (typeof documents)["mutation CancelOrder($id: ID!, $reason: String!, $key: String) { cancelOrder(id: $id, reason: $reason, idempotencyKey: $key) { ...OrderStepResult } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pemdas {\n    pemdas { id name province timeZone }\n  }\n"): (typeof documents)["\n  query Pemdas {\n    pemdas { id name province timeZone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductView($id: ID!) {\n    product(id: $id) {\n      id name description unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls status statusReason\n      category { id name }\n      vendor { id businessName ownerName scale isKoperasi district domicileRegionName address phone contactEmail productCount isLocal isUmkk }\n    }\n  }\n"): (typeof documents)["\n  query ProductView($id: ID!) {\n    product(id: $id) {\n      id name description unit price stock minOrderQuantity isPdn tkdnPercent isLocal isUmkk imageUrls status statusReason\n      category { id name }\n      vendor { id businessName ownerName scale isKoperasi district domicileRegionName address phone contactEmail productCount isLocal isUmkk }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SuspendProduct($id: ID!, $reason: String!) { suspendProduct(id: $id, reason: $reason) { id status statusReason } }"): (typeof documents)["mutation SuspendProduct($id: ID!, $reason: String!) { suspendProduct(id: $id, reason: $reason) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReinstateProduct($id: ID!) { reinstateProduct(id: $id) { id status statusReason } }"): (typeof documents)["mutation ReinstateProduct($id: ID!) { reinstateProduct(id: $id) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PublicAsnProgrammes($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name startMonth latestClosedMonth } }"): (typeof documents)["query PublicAsnProgrammes($pemdaId: ID!) { asnProgrammes(pemdaId: $pemdaId) { id name startMonth latestClosedMonth } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicAsnMonth($programmeId: ID!, $month: String!) {\n    publicAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }\n  }\n"): (typeof documents)["\n  query PublicAsnMonth($programmeId: ID!, $month: String!) {\n    publicAsnCompliance(programmeId: $programmeId, month: $month) { opd { id name } asnCount metCount exemptCount due complianceRate totalCounted rank topOutlets { name total } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicRecap($pemdaId: ID!, $year: Int!) {\n    publicSpendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      pemda { budget realisedUmkk umkkShareOfBudget status }\n      catalogueSpendYearToDate\n      catalogueSpendTarget\n      catalogueTargetAchieved\n      opds { rank status budget realisedUmkk umkkShareOfBudget catalogueShare opd { id name shortName } }\n    }\n    catalogueProgress(pemdaId: $pemdaId) { publishedProducts publishedLocalProducts listedProductsTarget targetAchievedPercent verifiedVendors verifiedLocalUmkkVendors }\n    awardLeaderboard(pemdaId: $pemdaId) { rank opdName score tier }\n    pemda(id: $pemdaId) { id name kemendagriCode }\n  }\n"): (typeof documents)["\n  query PublicRecap($pemdaId: ID!, $year: Int!) {\n    publicSpendRecap(pemdaId: $pemdaId, period: { year: $year, yearToDate: true }) {\n      period { label }\n      targetPercent\n      pemda { budget realisedUmkk umkkShareOfBudget status }\n      catalogueSpendYearToDate\n      catalogueSpendTarget\n      catalogueTargetAchieved\n      opds { rank status budget realisedUmkk umkkShareOfBudget catalogueShare opd { id name shortName } }\n    }\n    catalogueProgress(pemdaId: $pemdaId) { publishedProducts publishedLocalProducts listedProductsTarget targetAchievedPercent verifiedVendors verifiedLocalUmkkVendors }\n    awardLeaderboard(pemdaId: $pemdaId) { rank opdName score tier }\n    pemda(id: $pemdaId) { id name kemendagriCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportProducts($input: ImportProductsInput!) {\n    importProducts(input: $input) { applied validCount createdCount errors { row field message } }\n  }\n"): (typeof documents)["\n  mutation ImportProducts($input: ImportProductsInput!) {\n    importProducts(input: $input) { applied validCount createdCount errors { row field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegisterPemdas { pemdas { id name kemendagriCode } }"): (typeof documents)["query RegisterPemdas { pemdas { id name kemendagriCode } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterVendor($input: RegisterVendorInput!) { registerVendor(input: $input) { id status } }"): (typeof documents)["mutation RegisterVendor($input: RegisterVendorInput!) { registerVendor(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VendorHome($vendorId: ID!, $pemdaId: ID!) {\n    vendor(id: $vendorId) { ...VendorProfileShown statusReason legalDocuments { kind url contentType createdAt } }\n    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [DRAFT, SUBMITTED, PUBLISHED, REJECTED, SUSPENDED, ARCHIVED] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id name description unit price stock minOrderQuantity imageUrls isPdn tkdnPercent status statusReason category { id }\n          pendingRevision { name description categoryId unit price imageUrls isPdn tkdnPercent submittedAt }\n        }\n      }\n    }\n    categories(pemdaId: $pemdaId) { id name code children { id name code children { id name code } } }\n  }\n"): (typeof documents)["\n  query VendorHome($vendorId: ID!, $pemdaId: ID!) {\n    vendor(id: $vendorId) { ...VendorProfileShown statusReason legalDocuments { kind url contentType createdAt } }\n    products(pemdaId: $pemdaId, filter: { vendorId: $vendorId, status: [DRAFT, SUBMITTED, PUBLISHED, REJECTED, SUSPENDED, ARCHIVED] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id name description unit price stock minOrderQuantity imageUrls isPdn tkdnPercent status statusReason category { id }\n          pendingRevision { name description categoryId unit price imageUrls isPdn tkdnPercent submittedAt }\n        }\n      }\n    }\n    categories(pemdaId: $pemdaId) { id name code children { id name code children { id name code } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateProduct($input: ProductInput!) { createProduct(input: $input) { id status } }"): (typeof documents)["mutation CreateProduct($input: ProductInput!) { createProduct(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) { updateProduct(id: $id, input: $input) { id status pendingRevision { submittedAt } } }"): (typeof documents)["mutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) { updateProduct(id: $id, input: $input) { id status pendingRevision { submittedAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitProduct($id: ID!) { submitProduct(id: $id) { id status } }"): (typeof documents)["mutation SubmitProduct($id: ID!) { submitProduct(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AttachVendorDocument($id: ID!, $kind: VendorDocumentKind!, $uploadId: ID!) { attachVendorDocument(id: $id, kind: $kind, uploadId: $uploadId) { id legalDocuments { kind url contentType createdAt } } }"): (typeof documents)["mutation AttachVendorDocument($id: ID!, $kind: VendorDocumentKind!, $uploadId: ID!) { attachVendorDocument(id: $id, kind: $kind, uploadId: $uploadId) { id legalDocuments { kind url contentType createdAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveProduct($id: ID!) { deleteProduct(id: $id) }"): (typeof documents)["mutation RemoveProduct($id: ID!) { deleteProduct(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VendorProfileShown on Vendor {\n    id businessName ownerName nib npwp scale isKoperasi domicileRegionCode domicileRegionName district address phone contactEmail\n    status isUmkk isLocal\n    bankAccount { bankName accountNumber accountName }\n    pendingClassification { scale isKoperasi domicileRegionCode domicileRegionName }\n  }\n"): (typeof documents)["\n  fragment VendorProfileShown on Vendor {\n    id businessName ownerName nib npwp scale isKoperasi domicileRegionCode domicileRegionName district address phone contactEmail\n    status isUmkk isLocal\n    bankAccount { bankName accountNumber accountName }\n    pendingClassification { scale isKoperasi domicileRegionCode domicileRegionName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateVendorProfile($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) { ...VendorProfileShown } }"): (typeof documents)["mutation UpdateVendorProfile($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) { ...VendorProfileShown } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;