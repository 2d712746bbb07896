#!/usr/bin/env python3
"""Generate N synthetic Chinese news articles (Markdown + YAML front matter), deterministic from a seed.

Each article has 2,000–2,500 Chinese characters built from news-like sentence patterns: people,
organisations, money, percentages, quotes, dates and Latin names. The front matter (title, date,
author, tags as a comma list) is read the same way by Pizhu, Pelican (Markdown "meta" with `---`
fences) and Hugo (YAML), so all three build the very same files.

    python3 benchmarks/gen.py --out DIR [--n 1000] [--seed 42]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
         "秀兰", "霞", "平", "刚", "桂英", "建国", "建华", "志强", "海燕", "晓东", "文博", "子涵", "思远", "嘉怡",
         "雨桐", "宇航", "鑫", "立新", "卫东", "红梅", "永刚", "国栋"]
LATIN_PEOPLE = ["Sam Altman", "Satya Nadella", "Jensen Huang", "Tim Cook", "Lisa Su", "Sundar Pichai",
                "Mark Zuckerberg", "Elon Musk", "Amy Hood", "Peter Thiel", "Demis Hassabis", "Dario Amodei"]
ORGS = ["国家统计局", "中国人民银行", "财政部", "商务部", "国家发展改革委", "工业和信息化部", "上海证券交易所",
        "深圳证券交易所", "阿里巴巴", "腾讯", "华为", "小米集团", "比亚迪", "宁德时代", "京东", "美团", "百度",
        "字节跳动", "中国移动", "招商银行", "中金公司", "中信证券", "国际货币基金组织", "世界银行", "清华大学",
        "北京大学", "中国社会科学院", "复旦大学"]
LATIN_ORGS = ["OpenAI", "Microsoft", "Google", "Nvidia", "Apple", "Amazon", "Meta", "Tesla", "AMD", "Intel",
              "Goldman Sachs", "Morgan Stanley", "Sequoia Capital", "SoftBank", "TechCrunch", "Bloomberg",
              "Reuters", "PitchBook", "Hugging Face", "Anthropic"]
PLACES = ["北京", "上海", "深圳", "广州", "杭州", "成都", "武汉", "南京", "香港", "新加坡", "东京", "纽约", "伦敦",
          "硅谷", "重庆", "西安", "苏州", "合肥"]
TOPICS = ["新能源汽车", "人工智能", "半导体", "消费电子", "跨境电商", "光伏", "储能", "生物医药", "云计算",
          "房地产", "数字人民币", "大模型", "自动驾驶", "低空经济", "算力基础设施"]
TITLES = ["首席执行官", "首席财务官", "董事长", "总裁", "首席经济学家", "副总裁", "分析师", "研究员", "发言人",
          "创始人", "合伙人", "司长"]
SAY = ["表示", "指出", "认为", "透露", "强调", "坦言", "称"]
TRENDS = ["增长", "下降", "上涨", "回落", "提升", "减少"]
CURRENCIES = ["亿元", "万元", "亿美元", "万亿元", "亿港元", "亿欧元", "万美元", "亿日元"]
TAGS = ["科技", "经济", "金融", "产业", "公司", "市场", "政策", "国际"]

QUOTES = [
    "我们对{topic}的长期前景保持信心，但短期内仍要面对需求波动",
    "过去一年，{org}在{topic}上的投入超过了此前三年的总和",
    "市场正在从追求规模转向追求质量，这对所有参与者都是考验",
    "价格战不可持续，行业最终要回到技术和服务的竞争",
    "我们希望在{place}建立一个开放的合作平台，让更多中小企业参与进来",
    "今年的目标是把成本再降低一成，同时保持研发投入不减",
    "监管框架越清晰，资本就越愿意长期投入",
]


def person(r: random.Random) -> str:
    if r.random() < 0.15:
        return r.choice(LATIN_PEOPLE)
    return r.choice(SURNAMES) + r.choice(GIVEN)


def org(r: random.Random) -> str:
    return r.choice(LATIN_ORGS) if r.random() < 0.35 else r.choice(ORGS)


def money(r: random.Random) -> str:
    value = r.choice([r.randint(2, 999), round(r.uniform(1, 99), 1), round(r.uniform(0.1, 9.9), 2)])
    return f"{value}{r.choice(CURRENCIES)}"


def percent(r: random.Random) -> str:
    return f"{round(r.uniform(0.1, 60), r.choice([0, 1, 1, 2]))}%".replace(".0%", "%")


def date_phrase(r: random.Random, day: dt.date) -> str:
    kind = r.randrange(6)
    if kind == 0:
        d = day - dt.timedelta(days=r.randint(1, 400))
        return f"{d.year}年{d.month}月{d.day}日"
    if kind == 1:
        return f"{r.randint(1, 12)}月{r.randint(1, 28)}日"
    if kind == 2:
        return f"{day.year - r.randint(1, 5)}年"
    if kind == 3:
        return r.choice(["去年", "今年上半年", "上周", "本月初", "去年同期", "今年一季度", "前年"])
    if kind == 4:
        return f"{day.year}年{r.randint(1, 12)}月"
    return f"{r.choice(['第一', '第二', '第三', '第四'])}季度"


def sentence(r: random.Random, day: dt.date, actors: dict) -> str:
    p, o, o2 = r.choice(actors["people"]), r.choice(actors["orgs"]), org(r)
    topic, place = actors["topic"], r.choice(PLACES)
    k = r.randrange(12)
    if k == 0:
        return f"{date_phrase(r, day)}，{o}发布的数据显示，{topic}相关业务营收达到{money(r)}，同比{r.choice(TRENDS)}{percent(r)}。"
    if k == 1:
        quote = r.choice(QUOTES).format(topic=topic, org=o, place=place)
        return f"“{quote}。”{o}{r.choice(TITLES)}{p}在接受采访时{r.choice(SAY)}。"
    if k == 2:
        return f"{p}{r.choice(SAY)}，{o}将在未来三年内向{place}的{topic}项目投资{money(r)}，预计带动上下游就业超过{r.randint(2, 90)}万人。"
    if k == 3:
        return f"据{o2}报道，{o}在{date_phrase(r, day)}完成了一轮{money(r)}的融资，投后估值约为{money(r)}。"
    if k == 4:
        return f"{o}的财报显示，公司净利润为{money(r)}，毛利率由上年的{percent(r)}{r.choice(TRENDS)}至{percent(r)}。"
    if k == 5:
        return f"{place}市场方面，{topic}产品的渗透率已经达到{percent(r)}，比{date_phrase(r, day)}高出{r.randint(2, 15)}个百分点。"
    if k == 6:
        quote = r.choice(QUOTES).format(topic=topic, org=o2, place=place)
        return f"{o2}{r.choice(TITLES)}{person(r)}对此{r.choice(SAY)}：“{quote}。”"
    if k == 7:
        return f"与此同时，{o}与{o2}在{place}签署了战略合作协议，双方将共同推进{topic}领域的标准制定和人才培养。"
    if k == 8:
        return f"{date_phrase(r, day)}以来，{topic}板块累计{r.choice(TRENDS)}{percent(r)}，成交额超过{money(r)}，市场情绪明显回暖。"
    if k == 9:
        return f"{p}此前曾任{o2}{r.choice(TITLES)}，{date_phrase(r, day)}加入{o}后主要负责{topic}业务的海外拓展。"
    if k == 10:
        return f"分析人士认为，随着成本持续下降和政策支持力度加大，{topic}行业有望在{day.year + r.randint(1, 5)}年前后迎来新一轮增长。"
    return f"{o}{r.choice(TITLES)}{p}{r.choice(SAY)}，公司{date_phrase(r, day)}的研发投入占营收比重为{percent(r)}，高于行业平均水平。"


def article(r: random.Random, index: int) -> tuple[str, str]:
    day = dt.date(2020, 1, 1) + dt.timedelta(days=r.randrange(5 * 365))
    topic = r.choice(TOPICS)
    actors = {"people": [person(r) for _ in range(4)], "orgs": [org(r) for _ in range(3)], "topic": topic}
    target = r.randint(1850, 2250)  # the last paragraph overshoots by up to ~250
    paragraphs, size = [], 0
    while size < target:
        para = "".join(sentence(r, day, actors) for _ in range(r.randint(2, 5)))
        paragraphs.append(para)
        size += sum(1 for ch in para if "\u4e00" <= ch <= "\u9fff")
        if len(paragraphs) % 5 == 0:
            paragraphs.append(f"## {r.choice(['行业观察', '市场反应', '背景', '前景', '数据'])}")
    title = f"{actors['orgs'][0]}加码{topic}：{r.choice(['营收', '估值', '利润', '投资'])}{r.choice(TRENDS)}背后的{r.choice(['机会', '隐忧', '逻辑', '变局'])}"
    tags = ", ".join(r.sample(TAGS, 2))
    front = (f"---\ntitle: \"{title}\"\ndate: {day.isoformat()}\nauthor: {person(r)}\ntags: {tags}\n"
             f"summary: {topic}行业观察第{index + 1}篇。\n---\n\n")
    return f"post-{index + 1:05d}", front + "\n\n".join(paragraphs) + "\n"


def generate(out: Path, n: int = 1000, seed: int = 42) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    r = random.Random(seed)
    paths = []
    for i in range(n):
        slug, text = article(r, i)
        path = out / f"{slug}.md"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


GLOSSARY = """entities:
  - name: OpenAI
    type: org
    note: 美国人工智能研究公司。
  - name: Sam Altman
    type: person
    aliases: [Altman]
    note: OpenAI 首席执行官。
  - name: 国家统计局
    type: org
    note: 国务院直属机构，负责统计调查。
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    paths = generate(args.out, args.n, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
