"""Training pages of our own writing: a generated speech (speechparse.writer) with the kinds
of site text real pages put around it, laid out the ways sites serve it.

The corpus's real pages teach the labeller what site text looks like on the sites we have;
these pages add what they have too little of: clean speeches with no site text at all,
titles of every form (the speaker's post before 在…上的讲话, a main title over its ——在…上的
讲话 subtitle, a festival's 讲话稿), bylines, collection pages, and whole pages collapsed
onto a line or two. Every label is known as the page is written, so nothing is aligned. The
site text below is written for these pages, in the kinds the survey of real sites found
(headers and menus, breadcrumbs, the publishing line, document sites' file facts, related
links, the footer); no page's text is copied.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..writer import BODIES, PLACES, Choices, Seeded, numeral, write
from .align import Page, align, cut

#: The sections of a site a speech is filed under.
SECTIONS = ("领导讲话", "工会要闻", "讲话材料", "工作动态", "范文大全", "致辞演讲", "新闻中心")
POSTS = ("党委书记", "区委副书记", "县委常委", "市总工会主席", "工会主席", "副市长", "局党组书记")
NAMES = ("XXX", "***", "X X X", "XX", "××")
OCCASIONS = (
    "五一劳动节",
    "职工代表大会",
    "工会成立大会",
    "劳模表彰会",
    "工会换届大会",
    "新春团拜会",
)
SLOGANS = (
    "凝心聚力 奋勇争先",
    "坚定信心 砥砺前行 奋力谱写工会工作新篇章",
    "团结动员广大职工为高质量发展建功立业",
    "守正创新 担当作为",
)
HEADERS = (
    "{place}总工会",
    "{place}职工服务网",
    "欢迎访问{place}总工会网站！",
    "网站首页 | 工会动态 | 政策法规 | 维权服务 | 联系我们",
    "首页  机构概况  新闻中心  {section}  党建工作  专题专栏",
    "设为首页 | 加入收藏 | 联系我们",
    "登录  注册",
    "请输入关键词 搜索",
)
CRUMBS = (
    "当前位置：首页 > {section} > 正文",
    "您的位置：首页 » {section}",
    "首页 > {section}",
    "位置：网站首页>>{section}>>",
    "您现在的位置是：主页 > {section} > 详细内容",
)
PUBLISHED = (
    "发布时间：{dash}  来源：{place}总工会  作者：{name}",
    "{dash} 09:30  来源：本站",
    "浏览次数：{n}  【字体：大 中 小】",
    "阅读：{n}次  评论：0",
    "日期：{date}  点击：{n}",
    "信息来源：{place}总工会办公室  发布日期：{dash}",
    "{dash}  {place}总工会  阅读 {n}",
)
DOCUMENT = (
    "文档格式：.docx  页数：{k}页  大小：{n}KB",
    "下载积分：{k}",
    "本文档由用户上传，如有侵权请联系删除。",
    "VIP免费下载  收藏  举报",
    "文档介绍：",
    "还剩{k}页未读，继续阅读",
)
COLLECTION = ("{occasion}讲话稿（精选{k}篇）", "{occasion}领导讲话范文{k}篇", "精选{occasion}致辞")
PART = ("【篇{k}】", "篇{k}：", "第{k}篇", "{occasion}讲话稿 篇{k}")
BACK = (
    "上一篇：{other}",
    "下一篇：{other}",
    "相关阅读",
    "· {other}",
    "{other}  {dash}",
    "责任编辑：{name}",
    "【打印】 【关闭】",
    "【收藏本页】【打印本文】【关闭窗口】",
    "版权所有：{place}总工会  备案号：ICP备{n}号",
    "主办单位：{place}总工会  技术支持：信息中心",
    "地址：{place}人民路{k}号  电话：0000-{n}",
    "扫一扫 在手机上查看",
    "分享到：微信 微博 QQ空间",
    "展开全文",
    "下载文档查看全文 >>",
    "内容来源于网络，仅供参考，如有侵权请告知删除。",
)
BACK_AFTER_CUT = ("……", "...", "…… 余下全文", "(未完)")


@dataclass
class Line:
    text: str
    label: str


def _fill(c: Choices, pattern: str) -> str:
    year = c.integer(2009, 2025)
    month, day = c.integer(1, 12), c.integer(1, 28)
    other = f"在{c.choice(PLACES)}{c.choice(BODIES)}上的{c.choice(('讲话', '致辞', '发言'))}"
    return pattern.format(
        place=c.choice(PLACES),
        section=c.choice(SECTIONS),
        name=c.choice(NAMES),
        occasion=c.choice(OCCASIONS),
        other=other,
        dash=f"{year}-{month:02d}-{day:02d}",
        date=f"{year}年{month}月{day}日",
        n=c.integer(10, 99999),
        k=numeral(c.integer(1, 9)) if "篇{k}" in pattern else c.integer(2, 30),
    )


def _site(c: Choices, pool: tuple[str, ...], lo: int, hi: int) -> list[Line]:
    return [Line(_fill(c, p), "site") for p in c.some(pool, lo, hi)]


def _head(c: Choices, meeting: str) -> list[Line]:
    """The title, in one of its forms, and the bylines around it."""
    form = c.integer(0, 6)
    said = c.choice(("讲话", "致辞", "讲话稿", "发言", "讲话（摘要）"))
    subtitle = f"——在{meeting}上的讲话"
    if form == 0:
        return [Line(f"在{meeting}上的{said}", "title")]
    if form == 1:
        return [Line(f"{c.choice(POSTS)}{c.choice(NAMES)}在{meeting}上的{said}", "title")]
    if form == 2:
        return [Line(c.choice(SLOGANS), "title"), Line(subtitle, "byline")]
    if form == 3:
        return [Line(c.choice(SLOGANS) + subtitle, "title")]
    if form == 4:
        return [Line(f"{c.integer(2015, 2025)}年{c.choice(OCCASIONS)}领导讲话稿", "title")]
    if form == 5:
        return [Line(f"{c.choice(POSTS)}在{meeting}上的{said}", "title")]
    return []


def _bylines(c: Choices) -> list[Line]:
    year, month, day = c.integer(2009, 2025), c.integer(1, 12), c.integer(1, 28)
    forms = (
        f"{c.choice(POSTS)} {c.choice(NAMES)}",
        f"（{year}年{month}月{day}日）",
        f"——{c.choice(NAMES)}同志",
        f"{year}年{month}月{day}日",
        f"{c.choice(NAMES)}",
    )
    return [Line(t, "byline") for t in c.some(forms, 0, 2)]


def page_lines(c: Choices) -> list[Line]:
    """One page, line by line, each with its label."""
    place, body = c.choice(PLACES), c.choice(BODIES)
    meeting = place + body
    out: list[Line] = []
    site = c.integer(0, 3)  # 0: a clean speech; 1: a portal; 2: a document site; 3: a collection
    if site == 1:
        out += _site(c, HEADERS, 0, 3) + _site(c, CRUMBS, 0, 1)
    elif site == 2:
        out += _site(c, DOCUMENT, 1, 3)
    elif site == 3:
        out += _site(c, COLLECTION, 1, 1) + _site(c, PART, 1, 1)
    head = _head(c, meeting)
    if site == 1 and head and c.boolean():
        out.append(Line(head[0].text, "title"))  # the title in the page's header, repeated
    if site and c.boolean():
        out += _site(c, PUBLISHED, 1, 2)
    out += head
    if head:
        out += _bylines(c)
    draft = write(c, title=False)
    speech = [Line(t, "speech") for t in draft.text.splitlines() if t]
    if draft.addressees and speech:
        speech[0].label = "salutation"
    if site and c.integer(0, 3) == 0:  # a preview, cut short mid-sentence
        keep = speech[: c.integer(1, len(speech))]
        last = keep[-1]
        if last.label == "speech" and len(last.text) > 12:
            last.text = last.text[: c.integer(6, len(last.text) - 4)]
        out += [*keep, Line(c.choice(BACK_AFTER_CUT), "site")]
    else:
        out += speech
    if site:
        out += _site(c, BACK, 0, 5)
    return out


def render(c: Choices, page: list[Line]) -> tuple[str, list[tuple[int, int, str]]]:
    """The page's text, laid out as sites serve it, and where each labelled line lies."""
    layout = c.integer(0, 5)  # lines, blank lines, indents, a collapsed speech, one line
    text = ""
    spans: list[tuple[int, int, str]] = []
    for k, line in enumerate(page):
        if k:
            inside = line.label == "speech" and page[k - 1].label in ("speech", "salutation")
            if layout == 3 and inside:
                text += c.choice(("", " ", "\u3000\u3000"))
            elif layout == 4:
                text += " "
            else:
                text += "\n\n" if layout == 1 else "\n"
        if layout == 2 and line.label == "speech":
            text += "\u3000\u3000"
        spans.append((len(text), len(text) + len(line.text), line.label))
        text += line.text
    return text + "\n", spans


def labelled(name: str, text: str, spans: list[tuple[int, int, str]]) -> Page:
    """The page's pieces, each labelled by the line it starts in."""
    clean, found, src = cut(text)
    labels = [next((lab for s, e, lab in spans if s <= a < e), "site") for a, _ in src]
    return Page(name, text, clean, found, labels, [text[a:b] for a, b in src])


def page(c: Choices, name: str) -> Page:
    """A generated page, written, laid out and labelled."""
    return labelled(name, *render(c, page_lines(c)))


def pages(n: int, seed: int = 0) -> list[Page]:
    """``n`` generated pages, the same ones for the same seed."""
    c = Seeded(seed)
    return [page(c, f"generated/{k:04d}") for k in range(n)]


#: Words a site lists on lines of their own above a page (its menu, tags, a section's name).
WORDS = ("工会", "讲话", "大会", "首页", "范文", "讲话稿", "致辞", "领导讲话", "工作总结")


def served(c: Choices, page: Page, gold: dict[str, object]) -> Page:
    """A corpus page served again by another site: site text of ours before and after it,
    labelled site text in its gold facts. Real pages teach where their own sites put site
    text; served again, they teach that the speech is the speech wherever it starts."""
    front = _site(c, HEADERS, 0, 2) + _site(c, CRUMBS, 0, 1) + _site(c, DOCUMENT, 0, 2)
    front += [Line(w, "site") for w in c.some(WORDS, 0, 3)] + _site(c, PUBLISHED, 0, 1)
    back = _site(c, BACK, 0, 4)
    head = "".join(line.text + "\n" for line in front)
    tail = "".join("\n" + line.text for line in back)
    noise = [line.text for line in front] + list(gold.get("noise") or [])  # type: ignore[call-overload]
    facts = {**gold, "noise": noise + [line.text for line in back]}
    return align(f"{page.name}#served", head + page.text.rstrip("\n") + tail + "\n", facts)
