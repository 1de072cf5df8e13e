<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuthorisationsPage</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Service types</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Withdraw authorisation</source>
        <translation>撤销授权</translation>
    </message>
    <message>
        <source>Certified engineers</source>
        <translation>持证工程师</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Authorise partner…</source>
        <translation>授权合作伙伴…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤销授权…</translation>
    </message>
    <message>
        <source>Partner authorisations</source>
        <translation>服务授权</translation>
    </message>
    <message>
        <source>Expiry watch — authorisations ending within 30 days: {a} · 60 days: {b} · 90 days: {c}</source>
        <translation>到期提醒 — 30 天内到期的授权：{a} · 60 天内：{b} · 90 天内：{c}</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销授权</translation>
    </message>
    <message>
        <source>Select an authorisation first.</source>
        <translation>请先选择一项授权。</translation>
    </message>
    <message>
        <source>The authorisation of {partner} is withdrawn from today, for good: only a new authorisation lets the partner work under it again.</source>
        <translation>{partner} 的授权自今日起永久撤销：合作伙伴只有获得新的授权才能再次开展相应服务。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CertificatePdf</name>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书类别</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Engineer work certificate</source>
        <translation>工程师上岗证书</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>证书编号 {number}</translation>
    </message>
    <message>
        <source>Scan to verify offline with HQ&apos;s public key (Tools → Verify certificate).</source>
        <translation>扫码即可用总部公钥离线验证（工具 → 验证证书）。</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Expiring within 60 days</source>
        <translation>60 天内到期</translation>
    </message>
    <message>
        <source>Expiring within 90 days</source>
        <translation>90 天内到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Number or holder</source>
        <translation>证书编号或持证人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书类别</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Certificate {number} issued to {engineer}.</source>
        <translation>证书 {number} 已颁发给 {engineer}。</translation>
    </message>
    <message>
        <source>Certificate {number} is revoked for good: it can never be reinstated or renewed, and its holder is no longer dispatched on its strength.</source>
        <translation>证书 {number} 将被永久吊销：不能再恢复或续期，持证人不能再凭此证书被派工。</translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation>吊销证书</translation>
    </message>
    <message>
        <source>Print certificate</source>
        <translation>打印证书</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>发证…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>换证…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <source>Reinstate…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>验证…</translation>
    </message>
    <message>
        <source>Expiry watch — valid certificates expiring within 30 days: {a} · 60 days: {b} · 90 days: {c}</source>
        <translation>到期提醒 — 30 天内到期的有效证书：{a} · 60 天内：{b} · 90 天内：{c}</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>上岗证书</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Select a certificate first.</source>
        <translation>请先选择一张证书。</translation>
    </message>
    <message>
        <source>Renew {number}</source>
        <translation>换发证书 {number}</translation>
    </message>
    <message>
        <source>Suspend {number}</source>
        <translation>暂停证书 {number}</translation>
    </message>
    <message>
        <source>Reinstate {number}</source>
        <translation>恢复证书 {number}</translation>
    </message>
    <message>
        <source>Revoke {number}</source>
        <translation>吊销证书 {number}</translation>
    </message>
    <message>
        <source>Reason (kept in the certificate&apos;s history)</source>
        <translation>原因（记入证书历史）</translation>
    </message>
    <message>
        <source>Save certificate as PDF</source>
        <translation>将证书保存为 PDF</translation>
    </message>
</context>
<context>
    <name>Certification</name>
    <message>
        <source>See certificates</source>
        <translation>查看证书</translation>
    </message>
    <message>
        <source>See every certificate in one&apos;s scope</source>
        <translation>查看本单位范围内的全部证书</translation>
    </message>
    <message>
        <source>Issue and renew certificates</source>
        <translation>签发和换发证书</translation>
    </message>
    <message>
        <source>Suspend and revoke certificates</source>
        <translation>暂停和吊销证书</translation>
    </message>
    <message>
        <source>Authorise partners</source>
        <translation>授权合作伙伴</translation>
    </message>
    <message>
        <source>Manage certificate types and signing keys</source>
        <translation>管理证书类别和签名密钥</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>上岗证书</translation>
    </message>
    <message>
        <source>Partner authorisations</source>
        <translation>服务授权</translation>
    </message>
    <message>
        <source>Verify certificate…</source>
        <translation>验证证书…</translation>
    </message>
    <message>
        <source>Signing keys and certificate types…</source>
        <translation>签名密钥与证书类别…</translation>
    </message>
    <message>
        <source>Certificates expiring in 30 days</source>
        <translation>30 天内到期的证书</translation>
    </message>
    <message>
        <source>Partner authorisations expiring in 30 days</source>
        <translation>30 天内到期的服务授权</translation>
    </message>
    <message>
        <source>“{code}” is not a partner in your scope.</source>
        <translation>“{code}”不是您管辖范围内的合作伙伴。</translation>
    </message>
    <message>
        <source>Name at least one product line and one service type.</source>
        <translation>请至少填写一条产品线和一种服务类型。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>截止日期早于生效日期。</translation>
    </message>
    <message>
        <source>At least one certified engineer is required.</source>
        <translation>至少需要一名持证工程师。</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>No such authorisation in your scope.</source>
        <translation>您的管辖范围内没有这项授权。</translation>
    </message>
    <message>
        <source>starts on {date}</source>
        <translation>{date} 生效</translation>
    </message>
    <message>
        <source>expired on {date}</source>
        <translation>已于 {date} 到期</translation>
    </message>
    <message>
        <source>only {n} of {m} required certified engineers</source>
        <translation>持证工程师仅 {n} 名，要求 {m} 名</translation>
    </message>
    <message>
        <source>expires on {date}</source>
        <translation>将于 {date} 到期</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>any product line</source>
        <translation>任何产品线</translation>
    </message>
    <message>
        <source>No valid work certificate for {line}.</source>
        <translation>没有 {line} 的有效上岗证书。</translation>
    </message>
    <message>
        <source>Certificate {number}, valid until {date}.</source>
        <translation>证书 {number}，有效期至 {date}。</translation>
    </message>
    <message>
        <source>{name} holds no valid work certificate for {line} on {date}.</source>
        <translation>{name} 在 {date} 没有 {line} 的有效上岗证书。</translation>
    </message>
    <message>
        <source>Partner {org} is not authorised to serve {line}.</source>
        <translation>合作伙伴 {org} 未获得 {line} 的服务授权。</translation>
    </message>
    <message>
        <source>Partner {org}&apos;s service authorisation {number} for {line} is {status}: {reason}.</source>
        <translation>合作伙伴 {org} 的 {line} 服务授权 {number} {status}：{reason}。</translation>
    </message>
    <message>
        <source>You may not do this: it needs the permission “{permission}”.</source>
        <translation>您无权执行此操作：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>Only HQ manages the signing keys.</source>
        <translation>只有总部可以管理签名密钥。</translation>
    </message>
    <message>
        <source>This installation holds no signing key of your training center: HQ authorises one and hands it over in a provisioning file.</source>
        <translation>本安装没有您所在培训中心的签名密钥：须由总部授权，并通过开通文件交付。</translation>
    </message>
    <message>
        <source>A passphrase has at least {n} characters.</source>
        <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>Wrong passphrase for the signing key.</source>
        <translation>签名密钥的口令不正确。</translation>
    </message>
    <message>
        <source>HQ already has a root key.</source>
        <translation>总部已有根密钥。</translation>
    </message>
    <message>
        <source>There is no HQ root key yet.</source>
        <translation>尚未创建总部根密钥。</translation>
    </message>
    <message>
        <source>The file is not an Ed25519 public key (PEM).</source>
        <translation>该文件不是 Ed25519 公钥（PEM 格式）。</translation>
    </message>
    <message>
        <source>“{code}” is not HQ or a branch.</source>
        <translation>“{code}”不是总部或分公司。</translation>
    </message>
    <message>
        <source>A center key needs product lines and a period that ends after it starts.</source>
        <translation>培训中心密钥需要产品线范围，且截止日期不得早于生效日期。</translation>
    </message>
    <message>
        <source>A reason has at most {n} characters.</source>
        <translation>原因最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>No such center key.</source>
        <translation>没有这个培训中心密钥。</translation>
    </message>
    <message>
        <source>This key was already revoked on {date}; a revocation can only be moved earlier.</source>
        <translation>该密钥已于 {date} 吊销；吊销日期只能提前，不能推后。</translation>
    </message>
    <message>
        <source>This installation does not hold your training center&apos;s signing key: ask HQ for a new provisioning file and connect with it.</source>
        <translation>本安装没有您所在培训中心的签名密钥：请向总部索取新的开通文件，并用它重新连接上级。</translation>
    </message>
    <message>
        <source>Your training center has no valid signing key for {lines}; ask HQ to authorise one.</source>
        <translation>您所在的培训中心没有可签发 {lines} 证书的有效签名密钥，请向总部申请授权。</translation>
    </message>
    <message>
        <source>Certificate types are HQ reference data.</source>
        <translation>证书类别是总部维护的基础数据。</translation>
    </message>
    <message>
        <source>A certificate type needs a code and a name.</source>
        <translation>证书类别需要代码和名称。</translation>
    </message>
    <message>
        <source>A certificate type covers at least one product line.</source>
        <translation>证书类别至少覆盖一条产品线。</translation>
    </message>
    <message>
        <source>Validity is 1 to 120 months.</source>
        <translation>有效期为 1 至 120 个月。</translation>
    </message>
    <message>
        <source>A certificate type requires at least one course.</source>
        <translation>证书类别至少要求一门课程。</translation>
    </message>
    <message>
        <source>Certificate type {code} already exists.</source>
        <translation>证书类别 {code} 已存在。</translation>
    </message>
    <message>
        <source>No certificate type {code}.</source>
        <translation>没有证书类别 {code}。</translation>
    </message>
    <message>
        <source>There are no certificate types here yet: they are HQ&apos;s reference data and arrive with the next sync from HQ.</source>
        <translation>此处还没有证书类别：证书类别是总部参考数据，将在下次与总部同步时到达。</translation>
    </message>
    <message>
        <source>Choose a certificate type.</source>
        <translation>请选择证书类别。</translation>
    </message>
    <message>
        <source>{name} has not passed the required course {courses}.</source>
        <translation>{name} 尚未通过必修课程 {courses}。</translation>
    </message>
    <message>
        <source>{title} ({code})</source>
        <translation>{title}（{code}）</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>初级</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>中级</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家级</translation>
    </message>
    <message>
        <source>Choose an engineer.</source>
        <translation>请选择工程师。</translation>
    </message>
    <message>
        <source>No such engineer in your scope.</source>
        <translation>您的管辖范围内没有这名工程师。</translation>
    </message>
    <message>
        <source>{name} is no longer active.</source>
        <translation>{name} 已停用。</translation>
    </message>
    <message>
        <source>No such certificate in your scope.</source>
        <translation>您的管辖范围内没有这张证书。</translation>
    </message>
    <message>
        <source>{name} already holds certificate {number} of this type; renew it instead.</source>
        <translation>{name} 已持有该类别的证书 {number}，请改为换证。</translation>
    </message>
    <message>
        <source>Certificate {number} is {status}; it cannot be renewed.</source>
        <translation>证书 {number} 状态为{status}，不能换证。</translation>
    </message>
    <message>
        <source>Certificate {number} is {status}.</source>
        <translation>证书 {number} 状态为{status}。</translation>
    </message>
    <message>
        <source>This is not a certificate QR text or number.</source>
        <translation>这不是证书二维码内容或证书编号。</translation>
    </message>
    <message>
        <source>Cannot be checked here yet: the training center key that signed this certificate is not known in this installation. Center keys arrive with HQ&apos;s reference data; sync with the parent, then verify again.</source>
        <translation>暂时无法在此核验：本系统尚未收到签发此证书的培训中心密钥。中心密钥随总部基础数据下发，请先与上级同步，再重新核验。</translation>
    </message>
    <message>
        <source>Rejected: the training center&apos;s key is not signed by HQ&apos;s root key (wrong or unknown key).</source>
        <translation>验证失败：培训中心密钥未经总部根密钥签名（密钥错误或未知）。</translation>
    </message>
    <message>
        <source>Rejected: the certificate data was altered or signed with another key.</source>
        <translation>验证失败：证书内容被篡改，或由其他密钥签名。</translation>
    </message>
    <message>
        <source>Rejected: signed outside the training center key&apos;s validity.</source>
        <translation>验证失败：签发时间不在培训中心密钥的有效期内。</translation>
    </message>
    <message>
        <source>Rejected: covers product lines the training center may not certify.</source>
        <translation>验证失败：证书包含该培训中心无权认证的产品线。</translation>
    </message>
    <message>
        <source>No certificate numbered “{number}” in this installation&apos;s registry.</source>
        <translation>本系统的证书登记中没有编号为“{number}”的证书。</translation>
    </message>
    <message>
        <source>HQ&apos;s public key has not been imported yet.</source>
        <translation>尚未导入总部公钥。</translation>
    </message>
    <message>
        <source>Rejected: signed on {signed} by a training center key revoked on {revoked} ({reason}).</source>
        <translation>验证失败：该证书于 {signed} 签发，而签发所用的培训中心密钥已于 {revoked} 吊销（{reason}）。</translation>
    </message>
    <message>
        <source>Not trusted: signed on {signed} by a training center key revoked on {revoked} ({reason}), and this installation&apos;s registry does not list {number}, so nothing confirms it was issued before the revocation.</source>
        <translation>不可信：该证书于 {signed} 由一把已于 {revoked} 吊销的培训中心密钥签发（{reason}），且本安装的证书登记簿中没有 {number}，无法确认它签发于吊销之前。</translation>
    </message>
    <message>
        <source>Not trusted: signed by a training center key revoked on {revoked} ({reason}), and this QR text is not the one the registry holds for {number}; verify the current certificate or its number.</source>
        <translation>不可信：签发所用的培训中心密钥已于 {revoked} 吊销（{reason}），且此二维码文本与登记簿中 {number} 的记录不一致；请验证当前有效的证书或其编号。</translation>
    </message>
    <message>
        <source>Both signatures hold: HQ&apos;s root key authorised training center {center}&apos;s key for {scope} from {start} to {end}, and that key signed this certificate on {signed}.</source>
        <translation>两级签名均有效：总部根密钥授权培训中心 {center} 的密钥在 {start} 至 {end} 期间签发 {scope} 证书，该密钥于 {signed} 签发了本证书。</translation>
    </message>
    <message>
        <source>In this installation&apos;s registry: {status}, expires on {expires}.</source>
        <translation>本安装的证书登记簿记载：{status}，有效期至 {expires}。</translation>
    </message>
    <message>
        <source>Not in this installation&apos;s registry: whether it was suspended, revoked or renewed cannot be checked here.</source>
        <translation>本安装的证书登记簿中没有此证书：无法在此核实它是否已被暂停、吊销或换发。</translation>
    </message>
    <message>
        <source>Genuine certificate, signed by training center {center} under HQ&apos;s authority.</source>
        <translation>证书为真：由培训中心 {center} 经总部授权签发。</translation>
    </message>
    <message>
        <source>Its signing key was revoked on {revoked} ({reason}); it stands because the registry lists it as signed on {signed}, before the revocation.</source>
        <translation>其签名密钥已于 {revoked} 吊销（{reason}）；因登记簿记载本证书于吊销前的 {signed} 签发，证书仍然有效。</translation>
    </message>
    <message>
        <source>It is not valid now: {status}.</source>
        <translation>但当前不可用：{status}。</translation>
    </message>
    <message>
        <source>Demo: HQ&apos;s root key does not open with the demo passphrase, so no training center keys were authorised.</source>
        <translation>演示数据：总部根密钥无法用演示口令打开，因此未授权任何培训中心密钥。</translation>
    </message>
    <message>
        <source>Demo: no certificate types here, so no certificates were issued. Pull HQ&apos;s reference data first.</source>
        <translation>演示数据：本安装没有证书类型，因此未颁发证书。请先下载总部的基础数据。</translation>
    </message>
    <message>
        <source>Demo: this installation holds no signing key of {code} that opens with the demo passphrase, so no certificates were issued. HQ authorises one before it provisions {code}.</source>
        <translation>演示数据：本安装没有可用演示口令打开的 {code} 签名密钥，因此未颁发证书。总部须在开通 {code} 之前为其授权密钥。</translation>
    </message>
    <message>
        <source>Key revocations are current: HQ revokes keys in this installation.</source>
        <translation>密钥吊销信息为最新：总部就在本安装中吊销密钥。</translation>
    </message>
    <message>
        <source>Key revocations known as of {time} (last sync with the parent); a later revocation is not known here.</source>
        <translation>密钥吊销信息截至 {time}（最近一次与上级同步）；此后的吊销在此无从得知。</translation>
    </message>
    <message>
        <source>This installation has never synced with its parent: key revocations made at HQ are not known here.</source>
        <translation>本安装从未与上级同步：总部所做的密钥吊销在此无从得知。</translation>
    </message>
    <message>
        <source>A status change a branch has not yet sent to HQ is not known here.</source>
        <translation>分公司尚未上传到总部的状态变更在此无从得知。</translation>
    </message>
    <message>
        <source>Registry last synced at {time}; later suspensions, revocations and renewals are not known here.</source>
        <translation>证书登记簿最近一次同步于 {time}；此后的暂停、吊销和换发在此无从得知。</translation>
    </message>
    <message>
        <source>The registry has never been synced: only certificates issued here are known.</source>
        <translation>证书登记簿从未同步：这里只知道本安装签发的证书。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Partner code</source>
        <translation>合作伙伴代码</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Certified engineers</source>
        <translation>持证工程师</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>要求人数</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Service types</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Authorisations</source>
        <translation>服务授权</translation>
    </message>
    <message>
        <source>Engineers with a valid certificate</source>
        <translation>持有效证书的工程师</translation>
    </message>
    <message>
        <source>Certificates expiring within 90 days</source>
        <translation>90 天内到期的证书</translation>
    </message>
    <message>
        <source>Partner authorisations active</source>
        <translation>有效的合作伙伴授权</translation>
    </message>
    <message>
        <source>Partner authorisations lapsed</source>
        <translation>失效的合作伙伴授权</translation>
    </message>
    <message>
        <source>Org code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Certification by unit</source>
        <translation>各单位认证情况</translation>
    </message>
    <message>
        <source>Authorisation</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Required engineers</source>
        <translation>要求的持证工程师数</translation>
    </message>
    <message>
        <source>Status on {day}</source>
        <translation>{day} 的状态</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Authorise partner</source>
        <translation>授权合作伙伴</translation>
    </message>
    <message>
        <source>Separate with commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Partner code</source>
        <translation>合作伙伴代码</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Service types</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Certified engineers required</source>
        <translation>要求的持证工程师人数</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of {number}</source>
        <translation>证书 {number} 的历史记录</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>换证</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Reinstated</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue certificate</source>
        <translation>签发证书</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Certificate type</source>
        <translation>证书类别</translation>
    </message>
    <message>
        <source>Signing key passphrase</source>
        <translation>签名密钥口令</translation>
    </message>
    <message>
        <source>The engineer must have passed every course the type requires.</source>
        <translation>工程师必须已通过该证书类别要求的全部课程。</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Signing keys and certificate types</source>
        <translation>签名密钥与证书类别</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>培训中心</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>吊销日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Validity (months)</source>
        <translation>有效期（月）</translation>
    </message>
    <message>
        <source>Required courses</source>
        <translation>必修课程</translation>
    </message>
    <message>
        <source>Create root key…</source>
        <translation>创建根密钥…</translation>
    </message>
    <message>
        <source>Export HQ public key…</source>
        <translation>导出总部公钥…</translation>
    </message>
    <message>
        <source>Import HQ public key…</source>
        <translation>导入总部公钥…</translation>
    </message>
    <message>
        <source>Authorise training center…</source>
        <translation>授权培训中心…</translation>
    </message>
    <message>
        <source>Revoke center key…</source>
        <translation>吊销培训中心密钥…</translation>
    </message>
    <message>
        <source>Signing keys</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>New certificate type…</source>
        <translation>新建证书类别…</translation>
    </message>
    <message>
        <source>Certificate types</source>
        <translation>证书类别</translation>
    </message>
    <message>
        <source>private key held here, encrypted</source>
        <translation>私钥保存在本机，已加密</translation>
    </message>
    <message>
        <source>HQ root public key: {keys}</source>
        <translation>总部根公钥：{keys}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Create root key</source>
        <translation>创建根密钥</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Export HQ public key</source>
        <translation>导出总部公钥</translation>
    </message>
    <message>
        <source>Import HQ public key</source>
        <translation>导入总部公钥</translation>
    </message>
    <message>
        <source>Authorise training center</source>
        <translation>授权培训中心</translation>
    </message>
    <message>
        <source>Separate with commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Center code</source>
        <translation>培训中心代码</translation>
    </message>
    <message>
        <source>Root key passphrase</source>
        <translation>根密钥口令</translation>
    </message>
    <message>
        <source>Passphrase for the new center key</source>
        <translation>新培训中心密钥的口令</translation>
    </message>
    <message>
        <source>Revoke center key</source>
        <translation>吊销培训中心密钥</translation>
    </message>
    <message>
        <source>Select a center key first.</source>
        <translation>请先选择一个培训中心密钥。</translation>
    </message>
    <message>
        <source>The key of training center {center} is revoked from today, for good: what it signs from then on is rejected.</source>
        <translation>培训中心 {center} 的密钥自今日起永久吊销：此后用它签发的一切均不予认可。</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <source>New certificate type</source>
        <translation>新建证书类别</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify certificate</source>
        <translation>验证证书</translation>
    </message>
    <message>
        <source>Paste the QR code text, or type the certificate number</source>
        <translation>粘贴二维码内容，或输入证书编号</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>认证范围</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Confirmed by this check:</source>
        <translation>本次验证已确认：</translation>
    </message>
    <message>
        <source>Not confirmed by this offline check:</source>
        <translation>离线验证无法确认：</translation>
    </message>
</context>
</TS>
