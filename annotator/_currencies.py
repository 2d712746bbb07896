"""Currency names, symbols and codes → ISO 4217 codes (data only).

Chinese names follow the usual Simplified Chinese display names of the world's currencies (as in
CLDR's zh locale) plus the common short and colloquial forms used by news writers (美金, 港币, 日圆,
台币, 卢布…). Crypto-currencies have no ISO code; they get their ticker.
"""
from __future__ import annotations

# Written after the amount: 5亿美元, 300港元, 20个比特币.
CURRENCY_NAMES: dict[str, str] = {
    # China and its regions
    "人民币": "CNY", "元人民币": "CNY", "人民币元": "CNY", "元": "CNY", "块钱": "CNY", "块": "CNY",
    "港元": "HKD", "港币": "HKD", "港幣": "HKD", "港纸": "HKD", "澳门元": "MOP", "澳门币": "MOP",
    "葡币": "MOP", "澳元": "AUD", "新台币": "TWD", "新台幣": "TWD", "台币": "TWD", "台幣": "TWD",
    # the Americas
    "美元": "USD", "美金": "USD", "美圆": "USD", "美圓": "USD", "加元": "CAD", "加币": "CAD", "加拿大元": "CAD",
    "墨西哥比索": "MXN", "阿根廷比索": "ARS", "智利比索": "CLP", "哥伦比亚比索": "COP", "古巴比索": "CUP",
    "乌拉圭比索": "UYU", "菲律宾比索": "PHP", "巴西雷亚尔": "BRL", "雷亚尔": "BRL",
    "秘鲁索尔": "PEN", "委内瑞拉玻利瓦尔": "VES", "玻利瓦尔": "VES", "牙买加元": "JMD",
    # Europe
    "欧元": "EUR", "英镑": "GBP", "瑞士法郎": "CHF", "瑞郎": "CHF", "瑞典克朗": "SEK", "挪威克朗": "NOK",
    "丹麦克朗": "DKK", "冰岛克朗": "ISK", "捷克克朗": "CZK", "波兰兹罗提": "PLN", "兹罗提": "PLN",
    "匈牙利福林": "HUF", "福林": "HUF", "罗马尼亚列伊": "RON", "列伊": "RON", "保加利亚列弗": "BGN",
    "塞尔维亚第纳尔": "RSD", "俄罗斯卢布": "RUB", "卢布": "RUB", "白俄罗斯卢布": "BYN",
    "乌克兰格里夫纳": "UAH", "格里夫纳": "UAH", "土耳其里拉": "TRY", "里拉": "TRY",
    # Asia and Oceania
    "日元": "JPY", "日圆": "JPY", "日圓": "JPY", "韩元": "KRW", "韩币": "KRW", "韓元": "KRW", "朝鲜元": "KPW",
    "新加坡元": "SGD", "新币": "SGD", "新元": "SGD", "马来西亚林吉特": "MYR", "林吉特": "MYR", "马币": "MYR",
    "泰铢": "THB", "越南盾": "VND", "印尼盾": "IDR", "印度尼西亚盾": "IDR", "印度卢比": "INR", "卢比": "INR",
    "巴基斯坦卢比": "PKR", "斯里兰卡卢比": "LKR", "尼泊尔卢比": "NPR", "孟加拉塔卡": "BDT", "塔卡": "BDT",
    "缅甸元": "MMK", "缅元": "MMK", "柬埔寨瑞尔": "KHR", "瑞尔": "KHR", "老挝基普": "LAK", "基普": "LAK",
    "蒙古图格里克": "MNT", "图格里克": "MNT", "哈萨克斯坦坚戈": "KZT", "坚戈": "KZT",
    "乌兹别克斯坦苏姆": "UZS", "澳大利亚元": "AUD", "澳币": "AUD", "新西兰元": "NZD", "纽元": "NZD",
    "文莱元": "BND",
    # Middle East and Africa
    "沙特里亚尔": "SAR", "卡塔尔里亚尔": "QAR", "阿曼里亚尔": "OMR", "伊朗里亚尔": "IRR",
    "也门里亚尔": "YER", "阿联酋迪拉姆": "AED", "迪拉姆": "AED", "摩洛哥迪拉姆": "MAD",
    "以色列新谢克尔": "ILS", "新谢克尔": "ILS", "谢克尔": "ILS", "科威特第纳尔": "KWD", "巴林第纳尔": "BHD",
    "约旦第纳尔": "JOD", "伊拉克第纳尔": "IQD", "阿尔及利亚第纳尔": "DZD", "突尼斯第纳尔": "TND",
    "利比亚第纳尔": "LYD", "埃及镑": "EGP", "苏丹镑": "SDG", "黎巴嫩镑": "LBP", "叙利亚镑": "SYP",
    "南非兰特": "ZAR", "兰特": "ZAR", "尼日利亚奈拉": "NGN", "奈拉": "NGN", "肯尼亚先令": "KES",
    "坦桑尼亚先令": "TZS", "乌干达先令": "UGX", "埃塞俄比亚比尔": "ETB", "加纳塞地": "GHS",
    "塞地": "GHS", "赞比亚克瓦查": "ZMW", "安哥拉宽扎": "AOA", "西非法郎": "XOF", "中非法郎": "XAF",
    # traditional forms (美圓, 新台幣 and 瑞士法郎 are listed above)
    "人民幣": "CNY", "歐元": "EUR", "英鎊": "GBP", "澳幣": "AUD", "加幣": "CAD", "韓圜": "KRW", "盧布": "RUB",
    "澳門幣": "MOP",
    # others
    "特别提款权": "XDR", "比特币": "BTC", "以太币": "ETH", "泰达币": "USDT",
}

# Written after the amount, one hundredth of the main unit: 50美分.
SUBUNIT_NAMES: dict[str, tuple[str, float]] = {
    "美分": ("USD", 0.01), "欧分": ("EUR", 0.01), "便士": ("GBP", 0.01), "港仙": ("HKD", 0.01),
}

# Written before the amount: $20, US$ 3.5亿, HK$1, ¥300, 人民币5亿元.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "$": "USD", "＄": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD",
    "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "R$": "BRL", "MX$": "MXN",
    "€": "EUR", "£": "GBP", "￡": "GBP", "¥": "CNY", "￥": "CNY", "RMB": "CNY", "RMB¥": "CNY", "₩": "KRW",
    "₹": "INR", "₽": "RUB", "₺": "TRY", "₫": "VND", "฿": "THB", "₦": "NGN", "₪": "ILS", "₱": "PHP",
    "人民币": "CNY", "港币": "HKD", "人民幣": "CNY", "港幣": "HKD",
}

# ISO 4217 codes written as words (before or after the amount): USD 100, 5亿 HKD.
ISO_CODES: frozenset[str] = frozenset(
    {code for code in CURRENCY_NAMES.values() if code.isalpha() and len(code) == 3}
    | {"USD", "CNY", "CNH", "HKD", "EUR", "JPY", "GBP", "CHF", "TWD", "KRW", "SGD", "AUD", "CAD", "NZD", "INR"}
)
