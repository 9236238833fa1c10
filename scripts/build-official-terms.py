#!/usr/bin/env python3
"""Writes data/zh/official-terms.txt: official Chinese terms and names counted as one keyword.

usage: scripts/build-official-terms.py            (rewrites the file; standard library only)

Two kinds of entries:
1. Numbered meeting and plan names generated from the enumerations under data/domain/ (CPC
   congresses, Central Committee plenums, NPC sessions, five-year plans), in the forms Chinese news
   writes them: 十九大, 党的十九大, 中共十九大, 二十届三中全会, 十四届全国人大二次会议,
   全国政协十四届二次会议, 十四五, 十四五规划. Every congress, Central Committee and NPC term (and
   every plenum and session number up to the usual 7 and 5) is generated, since the numbering is a
   public fact and articles cite past and coming meetings alike.
2. The names of State Council departments and agencies, Party and state organs, national leaders
   and the policy terms of government work reports, listed below by hand from public sources: the
   State Council's list of its bodies (国务院组织机构, www.gov.cn), the Wikipedia lists "Politburo
   Standing Committee of the Chinese Communist Party", "Politburo of the Chinese Communist Party"
   (CC BY-SA 4.0: only names, which are facts, are taken) and the Government Work Reports.
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = '零一二三四五六七八九'


def zh(n):
    """1..99 in Chinese numerals as ordinals are written (十九, 二十, 二十一)."""
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return ('' if tens == 1 else DIGITS[tens]) + '十' + (DIGITS[ones] if ones else '')


def rows(name):
    with open(os.path.join(ROOT, 'data', 'domain', name), encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t') for l in f if l.strip() and not l.startswith('#')]


def generated():
    out = []
    congresses = sorted({int(r[0]) for r in rows('cpc_congresses.tsv')})
    for n in congresses:
        # 一大..九大 alone are ordinary words (一大批, 八大菜系): only with 党的 / 中共.
        if n >= 10:
            out.append(zh(n) + '大')
        out += ['党的' + zh(n) + '大', '中共' + zh(n) + '大']
    for cc in range(11, max(congresses) + 1):
        for p in range(1, 8):
            out.append(f'{zh(cc)}届{zh(p)}中全会')
    npcs = sorted({int(r[0]) for r in rows('npc_sessions.tsv')})
    for npc in range(10, max(npcs) + 1):
        out += [f'{zh(npc)}届全国人大', f'第{zh(npc)}届全国人民代表大会', f'{zh(npc)}届全国政协']
        for s in range(1, 6):
            out += [f'{zh(npc)}届全国人大{zh(s)}次会议', f'全国政协{zh(npc)}届{zh(s)}次会议']
    plans = sorted({int(r[0]) for r in rows('five_year_plans.tsv')})
    for p in plans:
        if p >= 11:
            out += [zh(p) + '五', zh(p) + '五规划', f'第{zh(p)}个五年规划']
    return out


STATE_COUNCIL = '''
国务院 国务院办公厅 外交部 国防部 国家发展和改革委员会 国家发展改革委 发改委 教育部 科学技术部 科技部
工业和信息化部 工信部 国家民族事务委员会 国家民委 公安部 国家安全部 民政部 司法部 财政部
人力资源和社会保障部 人社部 自然资源部 生态环境部 住房和城乡建设部 住建部 交通运输部 水利部
农业农村部 商务部 文化和旅游部 文旅部 国家卫生健康委员会 国家卫健委 卫健委 退役军人事务部
应急管理部 中国人民银行 审计署 国务院国资委 国有资产监督管理委员会 海关总署 国家税务总局
国家市场监督管理总局 市场监管总局 国家金融监督管理总局 中国证监会 证监会 国家广播电视总局
国家体育总局 国家统计局 国家国际发展合作署 国家医疗保障局 国家医保局 国务院参事室
国家机关事务管理局 国管局 国家信访局 国家粮食和物资储备局 国家能源局 国家国防科技工业局
国家烟草专卖局 国家移民管理局 国家林业和草原局 国家林草局 国家铁路局 中国民用航空局 中国民航局
国家邮政局 国家文物局 国家中医药管理局 国家疾病预防控制局 国家疾控局 国家矿山安全监察局
国家消防救援局 国家外汇管理局 国家药品监督管理局 国家药监局 国家知识产权局 国家数据局
新华通讯社 中国科学院 中国社会科学院 中国工程院 国务院发展研究中心 中央广播电视总台 中国气象局
国务院港澳事务办公室 国务院台湾事务办公室 国台办 国务院新闻办公室 国新办 国家互联网信息办公室
国家网信办 国家乡村振兴局 国家标准化管理委员会 国家航天局 国家原子能机构 国家保密局 国家档案局
中国地震局 国家海洋局 国家电影局 国家版权局 国家新闻出版署 国家宗教事务局 国家公务员局
'''

PARTY_AND_STATE = '''
中共中央 党中央 中央政治局 中央政治局常委会 中央委员会 中央纪委 中央纪委国家监委 国家监察委员会
国家监委 全国人大常委会 全国人民代表大会常务委员会 全国政协 中国人民政治协商会议 最高人民法院
最高人民检察院 中央军委 中央军事委员会 中共中央办公厅 中央办公厅 中央组织部 中央宣传部 中央统战部
中央政法委 中央外办 中央财办 中央社会工作部 中央网信办 中央编办 中央党校 国家行政学院
中央政策研究室 中央党史和文献研究院 中央和国家机关工委 中央全面深化改革委员会 中央深改委
中央财经委员会 中央国家安全委员会 中央外事工作委员会 中央全面依法治国委员会 中央科技委员会
中央金融委员会 中央金融工作委员会 中央巡视组 全国妇联 共青团中央 全国总工会 中国科协 中国侨联
全国工商联 中国文联 中国作协 中国残联 中国红十字会 中华全国青年联合会 中国人民解放军 武警部队
中国人民武装警察部队 香港特别行政区 澳门特别行政区 新疆生产建设兵团
'''

LEADERS = '''
习近平 李强 赵乐际 王沪宁 蔡奇 丁薛祥 李希 李克强 栗战书 汪洋 韩正 张德江 俞正声 刘云山 王岐山
张高丽 马兴瑞 王毅 尹力 石泰峰 刘国中 李干杰 李书磊 李鸿忠 何卫东 何立峰 张又侠 张国清 陈文清
陈吉宁 陈敏尔 袁家军 黄坤明 吴政隆 谌贻琴 王小洪 毛泽东 周恩来 刘少奇 朱德 邓小平 陈云 江泽民
胡锦涛 温家宝 朱镕基 李鹏 吴邦国 贾庆林 李长春 贺国强 周永康 乔石 李瑞环 尉健行 李岚清 黄菊
吴官正 罗干 曾庆红 华国锋 胡耀邦 赵紫阳 杨尚昆 李先念 叶剑英 董必武 宋庆龄 孙中山
'''

POLICY = '''
新时代 一带一路 共建一带一路 共同富裕 全过程人民民主 中国式现代化 新质生产力 高质量发展 乡村振兴
乡村全面振兴 脱贫攻坚 全面建成小康社会 小康社会 人类命运共同体 中国梦 中华民族伟大复兴 两个确立
两个维护 四个意识 四个自信 两个一百年 第二个百年奋斗目标 五位一体 四个全面 新发展理念 新发展格局
双循环 国内大循环 供给侧结构性改革 碳达峰 碳中和 双碳 放管服 全面从严治党 全面深化改革 全面依法治国
习近平新时代中国特色社会主义思想 习近平法治思想 习近平外交思想 习近平强军思想 习近平经济思想
习近平生态文明思想 习近平文化思想 中国特色社会主义 社会主义核心价值观 社会主义现代化强国
粤港澳大湾区 京津冀协同发展 长江经济带 长三角一体化 长江三角洲区域一体化 黄河流域生态保护
雄安新区 海南自由贸易港 自由贸易试验区 自贸试验区 一国两制 港人治港 澳人治澳 爱国者治港
九二共识 中央八项规定 八项规定 主题教育 党史学习教育 两学一做 枫桥经验 新时代枫桥经验 河长制
林长制 田长制 一网通办 最多跑一次 专精特新 数字中国 健康中国 美丽中国 平安中国 法治中国 网络强国
制造强国 科技强国 教育强国 人才强国 文化强国 体育强国 交通强国 海洋强国 农业强国 质量强国
航天强国 贸易强国 金融强国 全国统一大市场 六稳 六保 稳中求进 新型城镇化 新型工业化 新型基础设施
新基建 双一流 双减 延迟退休 丝绸之路经济带 海上丝绸之路 全球发展倡议 全球安全倡议 全球文明倡议
全球治理倡议 金砖国家 上海合作组织 上合组织 中国国际进口博览会 进博会 广交会 服贸会 消博会
全国两会 政府工作报告 中央经济工作会议 中央城市工作会议 中央农村工作会议 中央民族工作会议
中央外事工作会议 总体国家安全观 新型举国体制 基层治理 网格化管理 城乡社区治理 社会工作
新就业群体 新经济组织 新社会组织 两新组织 党建引领 全面从严治党 自我革命 党的建设 从严治党
反腐败斗争 一岗双责 三会一课 不忘初心 牢记使命 初心使命 伟大建党精神 抗美援朝精神 脱贫攻坚精神
抗疫精神 载人航天精神 科学家精神 企业家精神 工匠精神 劳模精神 改革开放 对外开放
高水平对外开放 制度型开放 人民至上 生命至上 以人民为中心 绿水青山就是金山银山 绿水青山 金山银山
生态文明建设 生态文明 美丽乡村 和美乡村 千万工程 厕所革命 精准扶贫 精准脱贫 防止返贫
东西部协作 对口支援 西部大开发 东北振兴 中部崛起 东部率先 区域协调发展 新型城镇化建设
以旧换新 大规模设备更新 两新 两重 超长期特别国债 地方政府专项债券 专项债 减税降费 营商环境
民营经济 民营经济促进法 两个毫不动摇 国有企业改革 国企改革 混合所有制改革 现代化产业体系
战略性新兴产业 未来产业 人工智能+ 数字经济 实体经济 平台经济 银发经济 低空经济 冰雪经济
首发经济 县域经济 海洋经济 夜间经济 房住不炒 保交楼 保障性住房 城中村改造 老旧小区改造
好房子 一老一小 健康中国行动 医保 个人养老金 全民参保 就业优先 稳就业 高校毕业生 新就业形态
灵活就业 全国碳市场 生态保护红线 耕地保护红线 十八亿亩耕地红线 粮食安全 国家安全
能源安全 产业链供应链 卡脖子 关键核心技术 科技自立自强 高水平科技自立自强 创新驱动发展战略
科教兴国战略 人才强国战略 乡村振兴战略 区域协调发展战略 可持续发展战略 军民融合 强军目标
建军一百年奋斗目标 国防和军队现代化 祖国统一 两岸关系 和平统一 中华优秀传统文化 文化自信
两个结合 第二个结合 马克思主义中国化时代化 党的领导 党的全面领导 民主集中制 人民代表大会制度
中国共产党领导的多党合作和政治协商制度 民族区域自治制度 基层群众自治制度 协商民主 统一战线
铸牢中华民族共同体意识 中华民族共同体 宗教中国化 法治政府 法治社会 依法治国 依宪治国
'''


def main():
    terms, seen = [], set()
    for t in generated() + (STATE_COUNCIL + PARTY_AND_STATE + LEADERS + POLICY).split():
        if t not in seen:
            seen.add(t)
            terms.append(t)
    header = '''# Official Chinese terms and names counted as one keyword even where the word segmenter cuts them:
#   numbered meetings and plans (十九大, 二十届三中全会, 十四届全国人大二次会议, 十四五), State Council
#   departments and agencies, Party and state organs, national leaders' names and the policy terms of
#   the Government Work Reports (新时代, 一带一路, 共同富裕, 全过程人民民主).
# SOURCE: generated by scripts/build-official-terms.py: the numbered names from the enumerations in
#   data/domain/ (congress, plenum, NPC session and plan numbers, from the Wikipedia pages named there);
#   the rest listed by hand from the State Council's list of its bodies (国务院组织机构, www.gov.cn),
#   the Wikipedia lists "Politburo Standing Committee of the Chinese Communist Party" and "Politburo of
#   the Chinese Communist Party" (CC BY-SA 4.0; only names, which are facts, are taken) and the
#   Government Work Reports (public documents). Edit the script, not this file.
# LICENSE: MIT OR Apache-2.0, as the project (a list of names and terms of public record).
# FORMAT: one term per line, Simplified script (Traditional text is read through its Simplified
#   shadow); `#` starts a comment line. Keyword analysis joins the adjacent Chinese words that spell a
#   term into one (二十届 + 三中全会); the segmenter itself is not changed. The reader adds and removes
#   terms in the engine's lexicon (src/keywords/official_terms.rs; the CLI's --official-term flags,
#   the page's keyword settings).
'''
    path = os.path.join(ROOT, 'data', 'zh', 'official-terms.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(header + '\n'.join(terms) + '\n')
    print(f'{len(terms)} terms -> {os.path.relpath(path, ROOT)}')


if __name__ == '__main__':
    main()
