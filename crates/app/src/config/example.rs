//! The commented configuration file that `gongkai init` writes.

/// The commented configuration file that `gongkai init` writes. It states every
/// setting with its default value (a test keeps the two in step).
pub const EXAMPLE_CONFIG: &str = r##"# gongkai 配置文件 / configuration file
# 每一项都可用环境变量覆盖：GONGKAI_<节>_<键>，例如 GONGKAI_DATABASE_URL、
# GONGKAI_SERVER_LISTEN=127.0.0.1:8080,[::1]:8080。命令行参数优先于环境变量。

[agency]
# 机关全称，显示在页头。
name = "某某区人民政府"
# 标志图片地址（留空则不显示）。
logo_url = ""
# 页头主色，#rrggbb。
primary_color = "#9e1b20"

[office]
# 政府信息公开工作机构（政务公开办），显示在“政府信息公开指南”中（条例第十二条）。
name = ""
address = ""
postcode = ""
# 如：工作日上午9:00—12:00，下午13:30—17:30
hours = ""
phone = ""
fax = ""
email = ""

[requests]
# 依申请公开的申请编号：{year} 为收到申请的年份，{seq} 为当年序号（{seq:4} 补足 4 位）。
serial_pattern = "〔{year}〕第{seq:4}号"
# 申请表是否询问申请用途（条例第二十九条未作要求，可按本机关规定开启）。
ask_purpose = false
# 收费通知的缴费期间（收到通知次日起 20 个工作日）是否不计入答复期限。
# 国办函〔2020〕109号未明确规定，默认不计入（中止计算）。
fee_stops_clock = true

[participation]
# 征求意见的一般期限：重大行政决策、规章及与市场主体生产经营活动密切相关的草案
# 一般不少于 30 日；其他规范性文件和草案一般不少于 7 个工作日。期限较短的须说明理由。
consultation_days = 30
consultation_workdays = 7
# 意见表是否询问姓名、联系方式：no（不询问）、optional（选填）、required（必填）。
# 姓名和联系方式不公开。
comment_name = "optional"
comment_contact = "optional"
# 每条意见的最多字数。
max_comment_chars = 2000
# 政策咨询问答库的主题分类。
qa_topics = ["生育", "教育", "养老", "医疗", "就业创业", "社会救助", "投资", "纳税", "疫情防控", "住房", "户籍", "社会保险"]
# 每条留言的最多字数。各信箱的分类和答复时限在后台“信箱管理”中设置。
max_message_chars = 2000

[pii]
# 个人信息检查放行的号码和邮箱（本机关公开的办公手机、公务邮箱等），写法不限，
# 如 ["138-0000-0000", "xxgk@example.com"]。[office] 中的电话、传真和邮箱自动放行。
allow = []

[compliance]
# 规范性文件的政策解读在文件发布后多少个工作日内发布算作同步（0 为同日）。
interpretation_workdays = 3
# 按期率达到多少（%）标为良好（绿）、需关注（黄），低于后者为较差（红）。
green_percent = 95
amber_percent = 80

[platform]
# “法定主动公开内容”中，条例第二十条十五项之外按本地情况公开的第二十一条事项。
# 县级：municipal 市政建设、public_services 公共服务、public_welfare 公益事业、
# land_acquisition 土地征收、house_expropriation 房屋征收、public_security 治安管理、
# social_assistance 社会救助；乡镇还可选 rural_policy 农业农村政策、irrigation 农田水利、
# land_contract 土地承包经营权流转、homestead 宅基地、fund_labour 筹资筹劳。
local_items = ["municipal", "public_services", "public_welfare", "land_acquisition", "house_expropriation", "public_security", "social_assistance"]

[server]
# 监听地址，可以写多个；IPv6 写作 "[::1]:8080"。
listen = ["127.0.0.1:8080"]
# 公众访问的地址，例如 "https://xxgk.example.gov.cn"。为 https 时会话 Cookie 带 Secure 属性，
# 并发送 HSTS；以 http 在非本机地址上提供服务时，启动时会给出警告。
public_url = ""
# 如需与 public_url 不同，可直接指定 Cookie 是否带 Secure：secure_cookies = true
# 无操作多少分钟后会话失效。
session_idle_minutes = 30
# 登录多少小时后会话失效（无论是否仍在操作）。
session_lifetime_hours = 12
# 单个请求的最长处理时间（秒）。
request_timeout_seconds = 30
# 请求体大小上限（字节）。
body_limit_bytes = 10485760
# 可信的反向代理（地址或网段），只采信它们转来的 X-Forwarded-For。
trusted_proxies = []
# 可不凭令牌读取 /metrics 的地址或网段。
metrics_allow = ["127.0.0.1", "::1"]
# 其他地址读取 /metrics 须带 Authorization: Bearer 令牌；留空则不接受令牌。
metrics_token = ""

[limits]
# 同一客户端地址每分钟最多可尝试的次数（0 为不限），超出时答复 429。
# 各节点分别计数；同一账号连续输错密码后的等待时间记在数据库中，各节点共享。
login_per_minute = 10
password_per_minute = 5
# 提交依申请公开、留言、意见征集的意见。
submit_per_minute = 10
# 查询申请、留言办理进度。
track_per_minute = 30
# 搜索页面、搜索接口和问答匹配。
search_per_minute = 120

[audit]
# 审计日志签名密钥文件，须放在数据库之外；留空为数据目录中的 audit.key（首次启动时生成）。
# 多节点部署时，每个节点须使用同一密钥文件。审计记录不删除（数据库触发器拒绝修改和删除）。
key_file = ""

[files]
# 附件、佐证材料等文件的存放位置：local（本机数据目录 files/）、database（存入数据库，
# 多节点共用，无需共享磁盘）或 "s3://存储桶/前缀"（兼容 S3 的对象存储）。
# 更换位置前先用 gongkai files migrate --to 新位置 迁移已有文件。
store = "local"
# 对象存储的地址、区域和凭据（留空时读取 AWS_ENDPOINT、AWS_REGION、AWS_ACCESS_KEY_ID、
# AWS_SECRET_ACCESS_KEY 环境变量）。
s3_endpoint = ""
s3_region = ""
s3_access_key_id = ""
s3_secret_access_key = ""
# 是否允许以 http（非 https）连接对象存储。
s3_allow_http = false

[database]
# 留空：使用数据目录中的内置 SQLite 数据库。
# PostgreSQL：url = "postgres://用户:密码@主机:5432/数据库"
url = ""

[log]
# text：便于阅读；json：便于日志采集。
format = "text"
"##;
