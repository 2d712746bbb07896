"""General vocabulary for entity and quote finding: no list here is about any one article.

Titles and roles, organisation and place suffixes, speech verbs, generic words that are not names,
common surnames and transliteration characters, country names, and a small table of well-known
companies and products with their Chinese and English names.
"""
from __future__ import annotations


def _words(s: str) -> set[str]:
    return set(s.split())


# Job titles and roles that stand next to a person's name.
TITLES = _words("""
CEO CFO CTO COO CMO CIO CSO CPO VP EVP SVP President Chairman Founder Director Partner Analyst
首席执行官 首席财务官 首席技术官 首席运营官 首席科学家 首席经济学家 首席分析师 首席投资官 首席战略官 首席 执行官
总裁 副总裁 高级副总裁 执行副总裁 董事长 副董事长 董事 执行董事 独立董事 董事总经理 总经理 副总经理 经理 CEO兼
创始人 联合创始人 创办人 合伙人 管理合伙人 主席 副主席 总监 主管 高管 负责人 发言人 新闻发言人 投资人 投资者
分析师 研究员 高级研究员 首席研究员 经济学家 科学家 工程师 教授 副教授 博士 院士 学者 专家 律师 会计师 记者 编辑 主编 作者 通讯员
总统 副总统 总理 副总理 首相 主席 部长 副部长 外长 国务卿 大使 议员 参议员 众议员 州长 市长 副市长 省长 副省长 县长 区长
书记 副书记 局长 副局长 厅长 处长 科长 主任 副主任 秘书长 委员 司令 司令员 将军 上将 中将 少将 检察长 法官 院长 副院长 校长 副校长 所长 行长 副行长 厂长 社长 会长 理事长
教练 主教练 球员 队长 运动员 选手 演员 导演 歌手 作家 诗人 画家 艺术家 制片人 主持人 网红 博主 先生 女士 小姐 夫人 总 老师 医生 警官 警察 士兵
""")


# Words of an organisation's name that end it: X公司, X集团 …
ORG_SUFFIXES = _words("""
公司 有限公司 股份公司 分公司 子公司 分行 支行 分局 分院 分会 办事处 营业部 集团 控股 银行 资本 基金 基金会 创投 投资 证券 保险 信托 资管 期货 研究院 研究所 研究中心 实验室 大学 学院 中学 小学 学校 委员会
协会 学会 联合会 商会 联盟 组织 机构 总局 局 部 署 厅 委 办 法院 检察院 医院 电视台 广播电台 报社 杂志社 出版社 通讯社 新闻社 日报 晚报 交易所
事务所 工作室 俱乐部 海军 陆军 空军 军方 舰队 队 足球队 篮球队 国家队 党 政府 议会 国会 军 舰队 部队 中心 科技 网络 电子 传媒 影业 汽车 航空 能源 电气 制药 医药 地产 置业 电器 通信 半导体 汽车公司
""")
# Short suffixes that are too ambiguous on their own: only trusted when the token is one dictionary word.
ORG_WEAK_SUFFIXES = _words("局 部 署 厅 委 办 队 党 军 中心 科技 网络 电子 传媒 汽车 航空 能源 电气 制药 医药 地产 电器 通信 投资 组织 机构 日报 晚报")

PLACE_SUFFIXES = _words("""
省 市 县 区 州 镇 乡 村 街道 街 路 大道 胡同 巷 广场 公园 机场 港 站 车站 码头 岛 群岛 半岛 湾 河 江 湖 山 山脉 峰 峡 海 洋 洲 盆地 高原 平原 沙漠
自治区 自治州 特别行政区 新区 开发区 高新区 经济区 地区 流域
""")

# Speech and reporting verbs.
SPEECH_VERBS = _words("""
表示 说 说道 称 指出 透露 认为 提到 提及 强调 介绍 坦言 直言 预测 预计 显示 表明 写道 回应 告诉 宣称 声称 解释 补充 承认 否认 警告 呼吁
认定 估计 估算 分析 评价 评论 批评 建议 表态 证实 援引 报道 披露 爆料 暗示 相信 感叹 总结 回忆 发文 发帖 坦承 谈到 谈及 提醒 直指 判断 说明 重申 问道
""")

# Nouns that say the speaker is a document or report (谷歌内部文件 …).
DOC_NOUNS = _words("文件 报告 研报 文章 声明 公告 财报 备忘录 邮件 信 泄密信 信件 博客 帖子 推文 报道 数据 调查 研究 论文 白皮书 纪要 通报 通知 公报")

# Pronouns and references to an earlier speaker.
REFERENCES = _words("该公司 该机构 该行 该集团 该银行 该组织 该部门 该人士 该人 该负责人 该发言人 该报 该报道 该媒体 该文件 该报告 该研究 该基金 这家公司 这家机构 上述人士 上述知情人士 上述消息人士 上述负责人 上述公司 上述机构 公司 该企业 此文件")

# Descriptions that stand for an anonymous source.
ANON_HEADS = _words("""人士 知情人士 消息人士 知情者 消息人 业内人士 分析人士 接近人士 相关人士 发言人 官员 高管 员工 人员 工作人员 负责人 投资者 投资人 分析师 专家 学者
开发者 网友 用户 媒体 报道 人 车主 消费者 居民 市民 村民 律师 医生 老师 学生 家长 患者 股民 从业者 创业者 研究人员 科学家 工程师 经济学家 记者 目击者 证人 代表 客户 买家 卖家 商家 店主 司机""")

# Latin words that are not names on their own.
GENERIC_LATIN = _words("""
AI AGI AIGC LLM LLMs GPU GPUs CPU CPUs TPU API APIs APP App app SDK SaaS PaaS IaaS IT ICT ID IP IPO PE VC CEO CFO CTO COO CMO CIO CSO CPO VP EVP SVP HR PR
GDP CPI PPI PMI M2 ESG ROI ROE EPS KPI OKR B2B B2C C2C O2O P2P Q1 Q2 Q3 Q4 H1 H2 FY YoY MoM PC TV VR AR MR XR IoT 5G 4G 3G 6G USB OK PDF PPT
UI UX OS DNA RNA CEO兼 Mr Ms Mrs Dr The A B C D E F G H I J K L M N O P Q R S T U V W X Y Z Inc Ltd Co Corp LLC PLC LP GP Pro Plus Max Mini Ultra Lite
FPS RPG MMO MMORPG RTS ACT AVG SLG PVP PVE NPC MOD DLC SOLO GM CG HD LCD LED OLED CPU GPS SIM SMS WiFi Wi-Fi PK MVP VIP CBD CCTV OEM ODM NBA版
vs etc am pm AM PM OTC ETF REIT ETFs NFT NFTs Web Web3 App Store Beta Alpha Demo Open Source CEO\u3000
""")

# Chinese words that look like names but are generic (tagged ns/nr/nt by jieba, or match a cue).
GENERIC_ZH = _words("""
大模型 模型 开源 人工智能 机器人 聊天机器人 初创 初创公司 风投 风投公司 投资公司 科技公司 公司 集团 银行 大学 政府 中央 地方 国家 全国 全球 世界 国际 国内 海外 境外 当地 本地
城市 农村 东西 南北 东方 西方 北方 南方 中部 东部 西部 北部 南部 内地 沿海 边疆 市场 社会 人民 群众 同志 老伙伴 伙伴 部门 单位 机构 组织 企业 厂商 媒体 平台 社区
国家队 财务处 中国区 办公室 高达 文 周 金 连 王 府 南 东 北 西 美 湖 河 朝 海 江 山 中 有关部门 相关部门 上级 领导 中方 美方 外方 双方 各方 对方 本报 本台 本刊 该公司 该机构 天下 江湖 神州 华夏 天堂 地狱 人间
太阳 月亮 地球 宇宙 江山 山水 中外 古今 四海 五湖 大地 祖国 家乡 故乡 老家 首都 省会 基层 一线 前线 总部 分行 支行 分公司 子公司 母公司 本公司 我国 我省 我市 我县 该国 该市 该省 两国 各国 外国 他国 本国 全省 全市 全县 全区 各地 两岸 国务
""")

# Characters that cannot be part of a Chinese given name right after a surname (function words and the like).
NOT_GIVEN = set("的了在是和与说表称也都就而及或对把被从向为等中上下年月日个人们这那有将会要着过得地之其所以于并但又还再已曾才只很最更太不没无非让给由到至自当该此每各某些吗呢吧啊哦嗯则亦便即均皆仍摄讯电报")

SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
COMPOUND_SURNAMES = _words("欧阳 司马 上官 诸葛 东方 皇甫 令狐 慕容 夏侯 尉迟 长孙 宇文 公孙 轩辕 司徒 端木 独孤 南宫 西门 钟离 呼延 澹台 闻人 万俟 申屠")

# Characters used to transliterate foreign names (a run of them is a likely foreign name).
TRANSLIT = set(
    "摩茨娅丝露琼珊汀斐怀惠荷沃戈罗契奇瑞蒂翰尚歇耐朵琪妮黛薇娃顿逊茱贾霍璐缇柯蔻芙菲嘉"
    "阿艾爱安昂奥澳巴拜班邦鲍贝本比彼毕宾波伯博布查达黛戴丹道德迪蒂帝丁东杜多厄恩尔法范菲费芬丰佛夫弗福盖甘冈高戈哥格根贡古瓜哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康科克肯孔库夸奎拉莱赖兰朗劳勒雷蕾里理利莉丽连列林琳隆卢鲁路伦罗洛吕马麦迈曼芒梅美门蒙米密敏明莫姆穆纳娜奈南内尼妮涅宁纽诺欧帕潘庞佩彭皮珀普奇齐契恰乔切琴丘屈萨塞赛桑瑟森沙莎善舍什施史斯松苏索塔泰坦汤唐陶特滕提图托瓦万威韦维温沃乌伍武西希锡夏谢辛休修雅亚扬耶伊因英尤约泽扎詹兹佐"
)

COUNTRIES = _words("""
中国 美国 英国 法国 德国 日本 韩国 朝鲜 俄罗斯 印度 加拿大 澳大利亚 新西兰 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 芬兰 丹麦 冰岛 爱尔兰 奥地利 波兰 捷克
匈牙利 罗马尼亚 保加利亚 希腊 土耳其 乌克兰 白俄罗斯 以色列 伊朗 伊拉克 叙利亚 约旦 黎巴嫩 沙特 沙特阿拉伯 阿联酋 卡塔尔 科威特 埃及 南非 尼日利亚 肯尼亚 埃塞俄比亚 摩洛哥
阿尔及利亚 巴西 阿根廷 智利 秘鲁 哥伦比亚 委内瑞拉 墨西哥 古巴 新加坡 马来西亚 印度尼西亚 印尼 泰国 越南 菲律宾 缅甸 柬埔寨 老挝 巴基斯坦 阿富汗 孟加拉国 斯里兰卡 尼泊尔
亚太 中华 大陆 蒙古 哈萨克斯坦 乌兹别克斯坦 欧盟 欧洲 亚洲 非洲 美洲 北美 南美 拉美 中东 东南亚 大洋洲 南极洲 台湾 香港 澳门 硅谷 华尔街 中关村 好莱坞 曼哈顿 苏联 东欧 西欧 北欧 南欧 东亚 南亚 中亚
""")
# One-character country abbreviations, in pairs such as 中美, 中日, 美欧.
COUNTRY_ABBR = set("中美日韩英法德俄欧印澳加意西朝越台港澳华京沪")

# Well-known companies: Chinese name, English names.
COMPANIES = [
    ("谷歌", "Google"), ("微软", "Microsoft"), ("亚马逊", "Amazon"), ("苹果公司", "Apple"), ("脸书", "Facebook"),
    ("特斯拉", "Tesla"), ("英伟达", "Nvidia", "NVIDIA"), ("英特尔", "Intel"), ("三星", "Samsung"), ("索尼", "Sony"),
    ("阿里巴巴", "Alibaba"), ("腾讯", "Tencent"), ("百度", "Baidu"), ("华为", "Huawei"), ("小米", "Xiaomi"),
    ("字节跳动", "ByteDance"), ("京东", "JD.com"), ("甲骨文", "Oracle"), ("高盛", "Goldman Sachs"),
    ("摩根士丹利", "Morgan Stanley"), ("摩根大通", "JPMorgan", "JPMorgan Chase"), ("富国银行", "Wells Fargo"),
    ("花旗", "Citi", "Citigroup"), ("软银", "SoftBank"), ("红杉资本", "Sequoia Capital", "Sequoia"), ("推特", "Twitter"),
    ("奈飞", "Netflix"), ("网飞", "Netflix"), ("优步", "Uber"), ("高通", "Qualcomm"), ("思科", "Cisco"), ("贝莱德", "BlackRock"),
    ("伯克希尔", "Berkshire Hathaway"), ("丰田", "Toyota"), ("本田", "Honda"), ("波音", "Boeing"), ("空客", "Airbus"),
    ("星巴克", "Starbucks"), ("麦当劳", "McDonald's"), ("可口可乐", "Coca-Cola"), ("沃尔玛", "Walmart"), ("迪士尼", "Disney"),
    ("台积电", "TSMC"), ("联想", "Lenovo"), ("美团", "Meituan"), ("拼多多", "Pinduoduo"), ("网易", "NetEase"),
    ("新浪", "Sina"), ("搜狐", "Sohu"), ("比亚迪", "BYD"), ("蔚来", "NIO"), ("宝马", "BMW"), ("奔驰", "Mercedes-Benz"),
    ("路透社", "Reuters"), ("彭博社", "Bloomberg"), ("彭博", "Bloomberg"), ("美联社", "Associated Press", "AP"),
    ("法新社", "AFP"), ("新华社", "Xinhua"), ("华尔街日报", "Wall Street Journal", "WSJ"), ("纽约时报", "New York Times"),
    ("金融时报", "Financial Times", "FT"), ("经济学人", "The Economist"), ("美国有线电视新闻网", "CNN"), ("英国广播公司", "BBC"),
    ("国际货币基金组织", "IMF"), ("世界银行", "World Bank"), ("世界卫生组织", "WHO"), ("联合国", "United Nations", "UN"),
    ("美联储", "Federal Reserve", "Fed"), ("欧洲央行", "ECB"), ("世贸组织", "WTO"), ("北约", "NATO"),
    ("元宇宙平台", "Meta Platforms"), ("Meta",), ("OpenAI",), ("Anthropic",), ("DeepMind",), ("xAI",), ("IBM",), ("AMD",),
    ("阿斯麦", "ASML"), ("安谋", "Arm"), ("戴尔", "Dell"), ("惠普", "HP"), ("雅虎", "Yahoo"), ("领英", "LinkedIn"),
    ("贝宝", "PayPal"), ("爱彼迎", "Airbnb"), ("声田", "Spotify"), ("推特", "X Corp"),
]

# Well-known products (software, models, devices, services).
PRODUCTS = [
    ("ChatGPT",), ("GPT-4",), ("GPT-3",), ("GPT-3.5",), ("GPT-4o",), ("Windows",), ("Office",), ("Azure",), ("Bing", "必应"),
    ("iPhone",), ("iPad",), ("Mac",), ("MacBook",), ("Android", "安卓"), ("iOS",), ("Chrome",), ("YouTube",), ("Instagram",),
    ("WhatsApp",), ("WeChat", "微信"), ("微博",), ("抖音",), ("TikTok",), ("Gemini",), ("Bard",), ("Copilot",), ("Claude",),
    ("LLaMA", "Llama"), ("Kindle",), ("Alexa",), ("Siri",), ("PlayStation",), ("Xbox",), ("AWS",), ("Google Cloud",),
    ("Midjourney",), ("Stable Diffusion",), ("DALL-E",), ("Sora",), ("Teams",), ("Outlook",), ("Excel",), ("Word",),
    ("PowerPoint",), ("淘宝",), ("支付宝",), ("天猫",), ("文心一言",), ("通义千问",), ("鸿蒙",), ("HarmonyOS",),
]

# Words before a Latin or unknown name that say it is a product.
PRODUCT_CUES_BEFORE = _words("发布 推出 上线 发售 开发 版本 型号 款 产品 模型 大模型 应用 软件 游戏 芯片 手机 系统 平台 服务 搭载 基于 使用 下载 升级")
PRODUCT_CUES_AFTER = _words("模型 大模型 系统 芯片 手机 平板 电脑 软件 应用 游戏 版本 付费版 插件 服务 云 平台 浏览器 搜索引擎 操作系统 处理器 显卡 助手")

# Common English given names (a capitalised pair starting with one is a person).
FIRST_NAMES = _words("""
Aaron Adam Adrian Alan Albert Alex Alexander Alexandra Alice Alison Amanda Amy Andrea Andrew Andy Angela Ann Anna Anne Anthony Arthur Ashley Barack Barbara Ben Benjamin Bernard Bill Bob Brad
Brian Bruce Carl Carlos Carol Caroline Catherine Charles Charlie Chris Christian Christina Christine Christopher Claire Colin Craig Dan Daniel Daniela Dario David Dean Deborah Dennis Diana Donald Doug Douglas
Ed Edward Elizabeth Elon Emily Emma Eric Erik Eva Frank Fred Gary Geoffrey George Gina Grace Greg Gregory Hannah Harry Helen Henry Hillary Howard Ian Ilya Isaac Jack Jacob James Jamie Jane Janet Jason Jeff Jeffrey Jennifer Jensen
Jeremy Jerry Jessica Jim Joe John Jon Jonathan Joseph Josh Joshua Julia Julie Justin Karen Kate Katherine Keith Kelly Kevin Kim Larry Laura Lauren Lawrence Leo Linda Lisa Louis Lucy Marc Marco Margaret Maria Mark
Martin Mary Masayoshi Matt Matthew Max Melinda Michael Michelle Mike Mira Nancy Nathan Neil Nicholas Nick Nicole Oliver Olivia Pat Patrick Paul Peter Philip Rachel Ray Reed Reid Richard Rick Rob Robert Roger Ron Ross Ruth
Ryan Sam Samuel Sandra Sara Sarah Satya Scott Sean Sergey Sharon Sheryl Simon Stephen Steve Steven Sue Sundar Susan Ted Thomas Tim Timothy Tom Tony Travis Victor Vincent Walter Warren William Xi Yann Zach Zachary Jamie Brett Greg Marissa Jack Jan Lars Hans Klaus Pierre Jean Luc Francois Emmanuel Angela Olaf Boris Vladimir Dmitry Rishi Keir Kamala Joe Narendra Shinzo Fumio Moon Yoon Justin
""")

# Well-known Chinese institutions and companies by their usual short names.
ORGS_ZH = _words("""
央行 人民银行 中国人民银行 工行 农行 中行 建行 交行 招行 浦发 民生银行 兴业银行 光大银行 中信银行 华夏银行 平安银行 广发 汇丰 渣打 花旗 瑞银 瑞信 德银 巴克莱
银监会 证监会 保监会 银保监会 发改委 国资委 工信部 财政部 商务部 外交部 国防部 公安部 教育部 卫健委 央视 国务院 全国人大 人大常委会 政协 全国政协 中共中央 中央军委 国家统计局 统计局 海关总署 网信办
中石油 中石化 中海油 国家电网 中移动 中国移动 中国联通 中国电信 中储粮 宝钢 鞍钢 首钢 中粮 中信 中金 华润 招商局 万科 恒大 碧桂园 保利 中兴 海尔 格力 美的 蒙牛 伊利 茅台 五粮液 吉利 长城汽车 上汽 一汽 东风
阿里 蚂蚁集团 饿了么 滴滴 快手 哔哩哔哩 B站 携程 途牛 唯品会 苏宁 国美 当当 猎豹 奇虎 360公司 金山 用友 科大讯飞 商汤 旷视 大疆 宁德时代 中芯国际 紫光 小鹏 理想汽车 零跑
暴雪 世嘉 任天堂 卡普空 科乐美 史克威尔 育碧 艺电 动视 腾讯游戏 网易游戏 盛大 巨人网络 完美世界 九城 第九城市
英超 意甲 西甲 德甲 法甲 中超 欧冠 欧联杯 联盟杯 亚冠 NBA CBA FIFA UEFA 国际足联 欧足联 亚足联 中国足协 足协 篮协 国际奥委会 奥委会
曼联 曼城 切尔西 阿森纳 利物浦 热刺 纽卡斯尔 纽卡 埃弗顿 阿斯顿维拉 维拉 西汉姆 富勒姆 桑德兰 博尔顿 布莱克本 朴茨茅斯 托特纳姆 皇马 皇家马德里 巴萨 巴塞罗那 马竞 瓦伦西亚 塞维利亚 贝蒂斯 比利亚雷亚尔
拜仁 多特蒙德 沙尔克 不来梅 勒沃库森 汉堡 尤文 尤文图斯 国米 国际米兰 AC米兰 ac米兰 罗马队 拉齐奥 那不勒斯 佛罗伦萨 桑普多利亚 巴勒莫 亚特兰大 切沃 乌迪内斯 巴黎圣日耳曼 里昂 马赛 波尔多 摩纳哥
阿贾克斯 埃因霍温 费耶诺德 波尔图 本菲卡 凯尔特人 流浪者 加拉塔萨雷 费内巴切 湖人 凯尔特人队 火箭 勇士 公牛 马刺 热火 尼克斯 快船 骑士 国安 申花 恒大队 鲁能 泰山
新华网 人民网 新浪网 搜狐网 网易新闻 凤凰网 澎湃新闻 财新 第一财经 36氪 界面新闻 华尔街见闻 路透 彭博 共同社 塔斯社 韩联社
联合国 世卫组织 世贸组织 北约 欧盟 东盟 非盟 上合组织 二十国集团 七国集团 G20 G7 欧佩克 OPEC
""")

# Games (products).
GAMES = _words("DotA DOTA DotA2 DOTA2 Dota LOL CS CSGO CS:GO WOW WoW 魔兽世界 魔兽争霸 星际争霸 英雄联盟 王者荣耀 绝地求生 PUBG Minecraft 我的世界 原神 使命召唤 FIFA足球 实况足球 传奇 梦幻西游")

# Words in a sentence that say it is about sport (a city's name there is often its club).
SPORT_CUES = _words("球队 主队 客队 主场 客场 联赛 战平 逼平 击败 战胜 负于 进球 比赛 赛季 球员 主帅 教练 赔率 初赔 让球 胜平负 平局 夺冠 降级 vs VS 对阵 首发 射门 绝杀 欧赔 亚盘 盘口")

# Words before an organisation suffix that describe rather than name (投资公司, 成立公司).
ORG_DESCRIPTORS = _words("""
投资 风投 创投 私募 公募 科技 金融 互联网 外资 内资 国有 国营 民营 私营 上市 大型 中型 小型 头部 知名 相关 其他 其它 多家 一家 这家 那家 各家 所有 全部 主要 部分 合资 独资
保险 证券 信托 资产 管理 控股 实业 股份 有限 责任 贸易 咨询 服务 物流 医药 能源 房地产 地产 建筑 广告 传媒 文化 教育 游戏 软件 网络 电子 汽车 航空 食品 商业 政策性 商业性
收购 成立 创办 创立 注册 组建 设立 入股 投资于 入主 经营 运营 离开 加入 退出 起诉 离职 旗下 下属 附属 关联 母 子 分 总 新 老 原 前 现 该 本 贵 我 其 此 空壳 皮包 壳 中资 美资 港资 台资 日资 韩资 欧洲 美国 全球
""")

# Major cities and regions (jieba often tags foreign ones as person names).
CITIES = _words("""
北京 上海 天津 重庆 广州 深圳 杭州 南京 武汉 成都 西安 苏州 长沙 郑州 沈阳 青岛 大连 厦门 宁波 济南 哈尔滨 长春 福州 合肥 昆明 南昌 南宁 贵阳 太原 石家庄 兰州 海口 三亚 乌鲁木齐 拉萨 呼和浩特 银川 西宁
河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 宁夏 新疆 西藏
纽约 华盛顿 洛杉矶 旧金山 芝加哥 波士顿 西雅图 休斯敦 迈阿密 拉斯维加斯 费城 底特律 亚特兰大 达拉斯 硅谷 伦敦 巴黎 柏林 罗马 马德里 巴塞罗那 米兰 威尼斯 维也纳 布鲁塞尔 阿姆斯特丹 日内瓦 苏黎世
莫斯科 圣彼得堡 基辅 华沙 布拉格 布达佩斯 雅典 伊斯坦布尔 安卡拉 斯德哥尔摩 奥斯陆 赫尔辛基 哥本哈根 都柏林 里斯本 东京 大阪 京都 横滨 首尔 釜山 平壤 曼谷 河内 胡志明市 雅加达 吉隆坡 马尼拉 新德里 孟买
德黑兰 巴格达 大马士革 利雅得 迪拜 多哈 开罗 耶路撒冷 特拉维夫 约翰内斯堡 开普敦 内罗毕 拉各斯 悉尼 墨尔本 堪培拉 奥克兰 多伦多 温哥华 蒙特利尔 渥太华 墨西哥城 圣保罗 里约热内卢 布宜诺斯艾利斯 利马 圣地亚哥 哈瓦那
夏威夷 阿拉斯加 加利福尼亚 加州 德克萨斯 德州 佛罗里达 纽约州 华尔街 好莱坞 曼哈顿 中关村 陆家嘴 浦东 珠三角 长三角 粤港澳大湾区 大湾区 京津冀
""")

# Words that end the name of a site or building (卢浮宫, 海渔广场, 河南博物馆).
FACILITY_SUFFIXES = _words("""
广场 公园 博物馆 美术馆 纪念馆 展览馆 图书馆 科技馆 大厦 球场 球馆 体育场 体育馆 剧院 大剧院 音乐厅 酒店 饭店 宾馆 机场 车站 火车站 码头 大桥 公寓 花园 小区 商场 购物中心
大道 大街 街 路 岛 湾 山 沟 湖 河 寺 庙 宫 塔 城 园 谷 峰 海滩 草原 景区 古镇 故居 旧居 山庄 乐园 度假村 温泉 庄园 教堂 大教堂 清真寺 陵 墓 遗址 古城 峡谷 瀑布 森林公园 湿地
""")
