<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>{path}: no such file or directory.</source>
        <translation>{path}：没有这个文件或目录。</translation>
    </message>
    <message>
        <source>NeuroCanvas found unsaved changes from a session that did not end normally:
{documents}

Recover them?</source>
        <translation>NeuroCanvas 发现上次未正常结束的会话中有未保存的修改：
{documents}

要恢复它们吗？</translation>
    </message>
    <message>
        <source>NeuroCanvas found unsaved changes from a session that did not end normally:
{documents}

Recover it?</source>
        <translation>NeuroCanvas 发现上次未正常结束的会话中有未保存的修改：
{documents}

要恢复它吗？</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>{path} was moved or deleted since the last session</source>
        <translation>{path} 在上次会话之后被移动或删除了</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>Import a Keras application</source>
        <translation>导入 Keras 应用模型</translation>
    </message>
    <message>
        <source>Every architecture of keras.applications, imported exactly (layers, shapes and parameter counts):</source>
        <translation>keras.applications 中的每种网络结构，按原样导入（层、形状和参数量）：</translation>
    </message>
    <message>
        <source>Filter, e.g. resnet</source>
        <translation>筛选，例如 resnet</translation>
    </message>
    <message>
        <source>keras.applications.{name} ({family} family)</source>
        <translation>keras.applications.{name}（{family} 系列）</translation>
    </message>
    <message>
        <source>ImageNet weights (from Keras&apos;s cache, ~/.keras/models)</source>
        <translation>ImageNet 权重（取自 Keras 的缓存 ~/.keras/models）</translation>
    </message>
    <message>
        <source>Without it the layers start from fresh weights. Nothing is downloaded.</source>
        <translation>不勾选时各层从新初始化的权重开始。不会下载任何内容。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ApplyTrialCommand</name>
    <message>
        <source>Apply trial {number}</source>
        <translation>应用试验 {number}</translation>
    </message>
</context>
<context>
    <name>AttributionView</name>
    <message>
        <source>sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>Grad-CAM&apos;s layer (the other methods explain the input)</source>
        <translation>Grad-CAM 所用的层（其他方法解释的是输入）</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>归因</translation>
    </message>
    <message>
        <source>the output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>label {name}</source>
        <translation>标签 {name}</translation>
    </message>
    <message>
        <source>predicted {name} ({probability})</source>
        <translation>预测为 {name}（{probability}）</translation>
    </message>
    <message>
        <source>output {value}</source>
        <translation>输出 {value}</translation>
    </message>
    <message>
        <source>class {index}</source>
        <translation>类别 {index}</translation>
    </message>
    <message>
        <source>explaining {what} at {layer}</source>
        <translation>解释{what}，位于 {layer}</translation>
    </message>
    <message>
        <source>explaining {what}</source>
        <translation>解释{what}</translation>
    </message>
    <message>
        <source>map {shape}</source>
        <translation>归因图形状 {shape}</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>{share} dead</source>
        <translation>{share} 死亡</translation>
    </message>
    <message>
        <source>gradient norm {value}</source>
        <translation>梯度范数 {value}</translation>
    </message>
    <message>
        <source>gradient norm not available</source>
        <translation>梯度范数不可用</translation>
    </message>
    <message>
        <source>weight norm {value}</source>
        <translation>权重范数 {value}</translation>
    </message>
    <message>
        <source>{share} of its outputs are zero</source>
        <translation>{share} 的输出为零</translation>
    </message>
    <message>
        <source>∇ not finite</source>
        <translation>∇ 非有限值</translation>
    </message>
    <message>
        <source>{details} · the layer has almost stopped learning</source>
        <translation>{details} · 该层几乎已停止学习</translation>
    </message>
</context>
<context>
    <name>BoundaryPanel</name>
    <message>
        <source>The decision boundary appears for models with two input features.</source>
        <translation>有两个输入特征的模型才会显示决策边界。</translation>
    </message>
    <message>
        <source>epoch {epoch} · colour: predicted class, paler where the model is unsure</source>
        <translation>第 {epoch} 轮 · 颜色：预测类别，模型越不确定颜色越浅</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>{count} params</source>
        <translation>参数量 {count}</translation>
    </message>
    <message>
        <source>needs newer layers</source>
        <translation>需要更新的层</translation>
    </message>
    <message>
        <source>{family} · {year} · {count} · input {shape}</source>
        <translation>{family} · {year} · {count} · 输入 {shape}</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Core</source>
        <translation>核心层</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Reshaping</source>
        <translation>变形</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>预处理</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入的层</translation>
    </message>
</context>
<context>
    <name>CollapsedGroupItem</name>
    <message>
        <source>block · {count} layers · {params} params</source>
        <translation>模块 · {count} 层 · 参数量 {params}</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <source>The confusion matrix appears after an epoch when the model is a classifier.</source>
        <translation>模型是分类器时，混淆矩阵在一轮训练后显示。</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>f1</source>
        <translation>f1</translation>
    </message>
    <message>
        <source>support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Per class, on the same samples as the matrix (scikit-learn&apos;s precision_recall_fscore_support)</source>
        <translation>按类别统计，与混淆矩阵使用相同的样本（scikit-learn 的 precision_recall_fscore_support）</translation>
    </message>
    <message>
        <source>epoch {epoch} · accuracy {accuracy} on {count} validation samples</source>
        <translation>第 {epoch} 轮 · 在 {count} 个验证集样本上的准确率为 {accuracy}</translation>
    </message>
    <message>
        <source>accuracy {accuracy} on {count} validation samples</source>
        <translation>在 {count} 个验证集样本上的准确率为 {accuracy}</translation>
    </message>
    <message>
        <source>epoch {epoch} · accuracy {accuracy} on {count} samples ({split})</source>
        <translation>第 {epoch} 轮 · 在 {count} 个样本（{split}）上的准确率为 {accuracy}</translation>
    </message>
    <message>
        <source>accuracy {accuracy} on {count} samples ({split})</source>
        <translation>在 {count} 个样本（{split}）上的准确率为 {accuracy}</translation>
    </message>
</context>
<context>
    <name>ConnectionDrag</name>
    <message>
        <source>Drop the connection on a port to reconnect it, or on empty canvas to remove it.</source>
        <translation>把连线放到一个端口上可重新连接，放到画布空白处则删除它。</translation>
    </message>
    <message>
        <source>Removed the connection {connection}.</source>
        <translation>已删除连线 {connection}。</translation>
    </message>
    <message>
        <source>Reconnected: {connection}.</source>
        <translation>已重新连接：{connection}。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Loss and metrics</source>
        <translation>损失与评测指标</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>卷积核可视化</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>权重直方图</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测结果</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>&amp;Start Training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <source>Train the network with the data and training settings</source>
        <translation>用所选数据和训练设置训练网络</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Continue Training</source>
        <translation>接着训练(&amp;C)</translation>
    </message>
    <message>
        <source>Train the run&apos;s model (the network as the run started) for more epochs</source>
        <translation>把本次训练的模型（训练开始时的网络）再多训练几轮</translation>
    </message>
    <message>
        <source>Show &amp;Dashboard</source>
        <translation>显示训练面板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Export Plots</source>
        <translation>导出图表(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;All Plots of the Run…</source>
        <translation>本次训练的全部图表(&amp;A)…</translation>
    </message>
    <message>
        <source>Every panel&apos;s plots as PNG and SVG, their data as CSV, into one folder</source>
        <translation>把每个面板的图表导出为 PNG 和 SVG、数据导出为 CSV，放入同一个文件夹</translation>
    </message>
    <message>
        <source>Export &amp;Training Script…</source>
        <translation>导出训练脚本(&amp;T)…</translation>
    </message>
    <message>
        <source>A standalone Keras script with the data, preprocessing, compile settings, schedule, callbacks and fit of this document</source>
        <translation>一个独立的 Keras 脚本，包含本文档的数据、预处理、编译设置、学习率调度、回调和 fit 调用</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>The run was stopped when another document was opened; its curves are kept in the runs table.</source>
        <translation>打开另一个文档时本次训练已停止；它的曲线保存在训练记录表中。</translation>
    </message>
    <message>
        <source>Last run {run}: {status} after {epochs} epochs (Start trains a new one).</source>
        <translation>上次训练 {run}：{epochs} 轮后{status}（点“开始”会新建一次训练）。</translation>
    </message>
    <message>
        <source>The network was edited since this run started: Continue trains the network of the run, not the canvas. Start a new run to train the edited network.</source>
        <translation>本次训练开始后网络已被修改：“接着训练”训练的是本次训练的网络，而不是画布上的网络。要训练修改后的网络，请新建一次训练。</translation>
    </message>
    <message>
        <source>The edited network has errors; fix them to continue with it: {problem}</source>
        <translation>修改后的网络有错误，请先修正再用它接着训练：{problem}</translation>
    </message>
    <message>
        <source>Continuing with the edited network as a new segment of the run (unchanged layers keep their weights).</source>
        <translation>用修改后的网络作为本次训练的新一段接着训练（未改动的层保留其权重）。</translation>
    </message>
    <message>
        <source>Export the plots into</source>
        <translation>把图表导出到</translation>
    </message>
    <message>
        <source>Cannot export the plots: {error}</source>
        <translation>无法导出图表：{error}</translation>
    </message>
    <message>
        <source>Wrote {count} files into {folder}</source>
        <translation>已将 {count} 个文件写入 {folder}</translation>
    </message>
    <message>
        <source>Nothing to export yet: train first.</source>
        <translation>还没有可导出的内容：请先训练。</translation>
    </message>
    <message>
        <source>Export training script</source>
        <translation>导出训练脚本</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>Cannot export the training script</source>
        <translation>无法导出训练脚本</translation>
    </message>
    <message>
        <source>Wrote {file}</source>
        <translation>已写入 {file}</translation>
    </message>
    <message>
        <source>Train the model first.</source>
        <translation>请先训练模型。</translation>
    </message>
    <message>
        <source>Pause is not enough: stop or finish the run first.</source>
        <translation>暂停还不够：请先停止训练或等它结束。</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Keras (downloads)</source>
        <translation>Keras（需下载）</translation>
    </message>
    <message>
        <source>your own file</source>
        <translation>自己的文件</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <source>horizontal</source>
        <translation>水平</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>垂直</translation>
    </message>
    <message>
        <source>horizontal and vertical</source>
        <translation>水平和垂直</translation>
    </message>
    <message>
        <source>The data to train on</source>
        <translation>用于训练的数据</translation>
    </message>
    <message>
        <source>resize images to</source>
        <translation>图像缩放到</translation>
    </message>
    <message>
        <source>add channel axis</source>
        <translation>增加通道维</translation>
    </message>
    <message>
        <source>flatten samples</source>
        <translation>把样本拉直</translation>
    </message>
    <message>
        <source>split even if the data has a validation set</source>
        <translation>即使数据自带验证集也重新划分</translation>
    </message>
    <message>
        <source>Use suggested preprocessing</source>
        <translation>使用建议的预处理</translation>
    </message>
    <message>
        <source>Preprocessing and split</source>
        <translation>预处理与划分</translation>
    </message>
    <message>
        <source>Scale inputs</source>
        <translation>缩放输入特征</translation>
    </message>
    <message>
        <source>Scale targets</source>
        <translation>缩放目标值</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Augmentation (training images only)</source>
        <translation>数据增强（只作用于训练集图像）</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <source>Rotation (°)</source>
        <translation>旋转（°）</translation>
    </message>
    <message>
        <source>Zoom (±)</source>
        <translation>缩放（±）</translation>
    </message>
    <message>
        <source>Shift (±)</source>
        <translation>平移（±）</translation>
    </message>
    <message>
        <source>Apply the fix</source>
        <translation>应用修正</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Choose {option}</source>
        <translation>选择 {option}</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npz *.npy);;All files (*)</source>
        <translation>NumPy 数组 (*.npz *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Use the {dataset} data</source>
        <translation>使用 {dataset} 数据</translation>
    </message>
    <message>
        <source>Use the suggested preprocessing</source>
        <translation>使用建议的预处理</translation>
    </message>
    <message>
        <source>Change data settings</source>
        <translation>修改数据设置</translation>
    </message>
    <message>
        <source>Loading {dataset}…</source>
        <translation>正在加载 {dataset}…</translation>
    </message>
    <message>
        <source>Fit the data to the model</source>
        <translation>让数据适配模型</translation>
    </message>
    <message>
        <source>(no preview of these samples)</source>
        <translation>（这些样本无法预览）</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>the model or the data has an unusual shape</source>
        <translation>模型或数据的形状不寻常</translation>
    </message>
    <message>
        <source>Cannot compare the data with the model: {reason}</source>
        <translation>无法检查数据与模型是否匹配：{reason}</translation>
    </message>
    <message>
        <source>The data fits the model.</source>
        <translation>数据与模型匹配。</translation>
    </message>
    <message>
        <source>Fix: {hint}</source>
        <translation>修正：{hint}</translation>
    </message>
    <message>
        <source>Fix the data to fit the model</source>
        <translation>修正数据以适配模型</translation>
    </message>
    <message>
        <source>Apply the fix ({changes})</source>
        <translation>应用修正（{changes}）</translation>
    </message>
    <message>
        <source>Setting {layer}.{param} to {value} would break the network ({problem}); change the data (preprocessing, another dataset) or the network by hand.</source>
        <translation>把 {layer}.{param} 设为 {value} 会让网络出错（{problem}）；请手动修改数据（预处理或换一个数据集）或网络。</translation>
    </message>
    <message>
        <source>Set {layer}.{param} to {value}</source>
        <translation>把 {layer}.{param} 设为 {value}</translation>
    </message>
    <message>
        <source>the value is refused</source>
        <translation>该值不被接受</translation>
    </message>
    <message>
        <source>The {dataset} data could not be loaded with these settings.</source>
        <translation>无法用这些设置加载 {dataset} 数据。</translation>
    </message>
    <message>
        <source>Check the dataset&apos;s options and the preprocessing.</source>
        <translation>请检查数据集的选项和预处理。</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>one value</source>
        <translation>单个值</translation>
    </message>
    <message>
        <source>inputs {shape} ({dtype}) · targets {targets} ({labels})</source>
        <translation>输入 {shape}（{dtype}）· 目标 {targets}（{labels}）</translation>
    </message>
    <message>
        <source>{train} training samples · {val} validation samples</source>
        <translation>训练集 {train} 个样本 · 验证集 {val} 个样本</translation>
    </message>
    <message>
        <source>{names}, … ({count} classes)</source>
        <translation>{names}，…（共 {count} 类）</translation>
    </message>
    <message>
        <source>classes: {names}</source>
        <translation>类别：{names}</translation>
    </message>
</context>
<context>
    <name>DeployDialog</name>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>max |Δ| vs Keras</source>
        <translation>与 Keras 的最大 |Δ|</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Keras</source>
        <translation>Keras</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟（毫秒）</translation>
    </message>
    <message>
        <source>Warning / notes</source>
        <translation>警告 / 说明</translation>
    </message>
    <message>
        <source>Run {run} — {status}, {epochs} epochs, best {monitor} {value}</source>
        <translation>训练记录 {run} — {status}，{epochs} 轮，最佳 {monitor} {value}</translation>
    </message>
    <message>
        <source>Run {run} — {status}, {epochs} epochs</source>
        <translation>训练记录 {run} — {status}，{epochs} 轮</translation>
    </message>
    <message>
        <source>The document&apos;s trained weights ({file}, as saved)</source>
        <translation>文档已训练的权重（{file}，按已保存的版本）</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>What to deploy</source>
        <translation>要部署的内容</translation>
    </message>
    <message>
        <source>Nothing trained yet: choose a run folder or a .keras file</source>
        <translation>尚无训练结果：请选择训练记录文件夹或 .keras 文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>best (the best validation epoch)</source>
        <translation>best（验证集上最好的一轮）</translation>
    </message>
    <message>
        <source>last (the end of training)</source>
        <translation>last（训练结束时）</translation>
    </message>
    <message>
        <source>Checkpoint of a run:</source>
        <translation>训练记录的断点：</translation>
    </message>
    <message>
        <source>the document&apos;s own data</source>
        <translation>文档自己的数据</translation>
    </message>
    <message>
        <source>The data to verify on (and to calibrate int8 with). A .keras file has none of its own: choose the one it was trained on.</source>
        <translation>用于验证（以及 int8 校准）的数据。.keras 文件自身不带数据：请选择训练它时所用的数据集。</translation>
    </message>
    <message>
        <source>Verify on:</source>
        <translation>验证数据：</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>ONNX opset:</source>
        <translation>ONNX opset：</translation>
    </message>
    <message>
        <source>Validation samples:</source>
        <translation>验证样本数：</translation>
    </message>
    <message>
        <source>the folder to write the exports into</source>
        <translation>导出文件写入的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>A .keras file carries no data: choose the dataset to verify on.</source>
        <translation>.keras 文件不带数据：请选择用于验证的数据集。</translation>
    </message>
    <message>
        <source>Model to deploy</source>
        <translation>要部署的模型</translation>
    </message>
    <message>
        <source>Keras model, run record or document (*.keras run.json *.json)</source>
        <translation>Keras 模型、训练记录或文档 (*.keras run.json *.json)</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cannot deploy: {reason}</source>
        <translation>无法部署：{reason}</translation>
    </message>
    <message>
        <source>Cancelled during “{step}”. Formats finished before stay in the output folder; nothing half-made is left.</source>
        <translation>已在“{step}”时取消。之前已完成的格式保留在输出文件夹中；不会留下未完成的文件。</translation>
    </message>
    <message>
        <source>Cancelled. Formats finished before stay in the output folder; nothing half-made is left.</source>
        <translation>已取消。之前已完成的格式保留在输出文件夹中；不会留下未完成的文件。</translation>
    </message>
    <message>
        <source>{exported} of {total} exported to {folder}, verified on {samples} validation samples of {source}.</source>
        <translation>{total} 个格式中已有 {exported} 个导出到 {folder}，并在 {source} 的 {samples} 个验证样本上完成验证。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>{count} refused (see the table).</source>
        <translation>{count} 个被拒绝（见表格）。</translation>
    </message>
    <message>
        <source>{count} with a warning.</source>
        <translation>{count} 个有警告。</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>Keras MAE</source>
        <translation>Keras MAE</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <source>The table is on the clipboard as Markdown.</source>
        <translation>表格已作为 Markdown 复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>DeployWorker</name>
    <message>
        <source>The export could not be started: {error}.</source>
        <translation>无法启动导出：{error}。</translation>
    </message>
    <message>
        <source>The export could not be followed: {error}</source>
        <translation>无法跟踪导出进度：{error}</translation>
    </message>
    <message>
        <source>The converter crashed (signal {signal}) during “{step}”; the editor and the document are unaffected. Try the formats one by one to find the one that fails.</source>
        <translation>转换器在“{step}”时崩溃（信号 {signal}）；编辑器和文档不受影响。请逐个尝试各格式，找出失败的那一个。</translation>
    </message>
    <message>
        <source>The export ended without a result (exit {code}).</source>
        <translation>导出结束但没有结果（退出码 {code}）。</translation>
    </message>
</context>
<context>
    <name>Diagnostic</name>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>{severity}: {message} Hint: {hint}</source>
        <translation>{severity}：{message} 提示：{hint}</translation>
    </message>
    <message>
        <source>{severity}: {message}</source>
        <translation>{severity}：{message}</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>{name} (imported from {source}, unsaved)</source>
        <translation>{name}（从 {source} 导入，未保存）</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name} (untitled)</source>
        <translation>{name}（未保存）</translation>
    </message>
</context>
<context>
    <name>EmbeddingView</name>
    <message>
        <source>Project</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>投影方法</translation>
    </message>
    <message>
        <source>Hover a point to see its sample.</source>
        <translation>将鼠标悬停在某个点上以查看其样本。</translation>
    </message>
    <message>
        <source>Computing… (UMAP compiles its code the first time it runs in a session: that can take a minute or more)</source>
        <translation>正在计算…（UMAP 在每个会话中首次运行时需要编译代码：可能需要一分钟或更久）</translation>
    </message>
    <message>
        <source>{count} samples</source>
        <translation>{count} 个样本</translation>
    </message>
    <message>
        <source>silhouette {value}</source>
        <translation>轮廓系数 {value}</translation>
    </message>
    <message>
        <source>outlined: predicted wrong</source>
        <translation>带描边：预测错误</translation>
    </message>
    <message>
        <source>sample {index}</source>
        <translation>样本 {index}</translation>
    </message>
    <message>
        <source>sample {index}
label {label}
predicted {predicted}</source>
        <translation>样本 {index}
标签 {label}
预测 {predicted}</translation>
    </message>
</context>
<context>
    <name>ExperimentsPanel</name>
    <message>
        <source>(objective)</source>
        <translation>（优化目标）</translation>
    </message>
    <message>
        <source>parameters: {before} → {after}</source>
        <translation>参数量：{before} → {after}</translation>
    </message>
    <message>
        <source>Same as the document.</source>
        <translation>与文档相同。</translation>
    </message>
    <message>
        <source>Add setting</source>
        <translation>添加设置</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>METRIC:max|min[,…]; costs: params, macs, train_time</source>
        <translation>指标:max|min[,…]；代价：params、macs、train_time</translation>
    </message>
    <message>
        <source>e.g. params&lt;=100000</source>
        <translation>例如 params&lt;=100000</translation>
    </message>
    <message>
        <source>document&apos;s</source>
        <translation>沿用文档</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>The studies of this document (in its runs folder)</source>
        <translation>本文档的超参数搜索（位于其训练记录文件夹中）</translation>
    </message>
    <message>
        <source>choose a study</source>
        <translation>选择一次搜索</translation>
    </message>
    <message>
        <source>No study yet.</source>
        <translation>尚无超参数搜索。</translation>
    </message>
    <message>
        <source>Apply this trial</source>
        <translation>应用此试验</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>constraint</source>
        <translation>约束</translation>
    </message>
    <message>
        <source>trials</source>
        <translation>试验数</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>parallel</source>
        <translation>并行数</translation>
    </message>
    <message>
        <source>sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>pruner</source>
        <translation>剪枝器</translation>
    </message>
    <message>
        <source>study</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>The cost on the Pareto plot&apos;s horizontal axis</source>
        <translation>帕累托图横轴上的代价</translation>
    </message>
    <message>
        <source>against</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>平行坐标</translation>
    </message>
    <message>
        <source>Trial curves</source>
        <translation>试验曲线</translation>
    </message>
    <message>
        <source>Cannot read the studies in {storage}: {error}</source>
        <translation>无法读取 {storage} 中的超参数搜索：{error}</translation>
    </message>
    <message>
        <source>Space not changed: {reason}</source>
        <translation>搜索空间未更改：{reason}</translation>
    </message>
    <message>
        <source>{count} setting(s) swept.</source>
        <translation>已搜索 {count} 项设置。</translation>
    </message>
    <message>
        <source>Cannot start: {reason}</source>
        <translation>无法开始：{reason}</translation>
    </message>
    <message>
        <source>{study} has all its {trials} trials; raise &apos;trials&apos; and Resume to run more.</source>
        <translation>{study} 已完成全部 {trials} 次试验；调高“试验数”后点“继续”可运行更多试验。</translation>
    </message>
    <message>
        <source>Running {study}: {remaining} trial(s) to go.</source>
        <translation>正在运行 {study}：还剩 {remaining} 次试验。</translation>
    </message>
    <message>
        <source>{study}: {done} trial(s) finished.</source>
        <translation>{study}：已结束 {done} 次试验。</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>当前批结束后停止…</translation>
    </message>
    <message>
        <source>{count} {state}</source>
        <translation>{count} 次{state}</translation>
    </message>
    <message>
        <source>{study}: {counts}.</source>
        <translation>{study}：{counts}。</translation>
    </message>
    <message>
        <source>no trials yet</source>
        <translation>尚无试验</translation>
    </message>
    <message>
        <source>trial {number}</source>
        <translation>试验 {number}</translation>
    </message>
    <message>
        <source>Cannot apply to the document: {reason}</source>
        <translation>无法应用到文档：{reason}</translation>
    </message>
    <message>
        <source>Trial {number} ({state}): {reason}</source>
        <translation>试验 {number}（{state}）：{reason}</translation>
    </message>
    <message>
        <source>Trial {number} ({state})</source>
        <translation>试验 {number}（{state}）</translation>
    </message>
    <message>
        <source>Not applied: {reason}</source>
        <translation>未应用：{reason}</translation>
    </message>
    <message>
        <source>Applied trial {number}; undo with Ctrl+Z.</source>
        <translation>已应用试验 {number}；按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
</context>
<context>
    <name>ExplainMenu</name>
    <message>
        <source>E&amp;xplain</source>
        <translation>解释(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Explain Model…</source>
        <translation>解释模型(&amp;E)…</translation>
    </message>
    <message>
        <source>Why did it predict that? Attribution maps, embeddings, mistakes, activation health</source>
        <translation>模型为什么这样预测？归因图、嵌入、错误样本、激活健康度</translation>
    </message>
</context>
<context>
    <name>ExplainView</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>{name} has no dataset to take samples from: choose the document&apos;s data in the Data panel, or explain a run.</source>
        <translation>{name} 没有可取样本的数据集：请在“数据”面板中选择文档的数据，或解释一次训练记录。</translation>
    </message>
</context>
<context>
    <name>ExplainWindow</name>
    <message>
        <source>Attribution</source>
        <translation>归因</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Keras models (*.keras *.h5);;All files (*)</source>
        <translation>Keras 模型 (*.keras *.h5);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Training in progress (paused)</source>
        <translation>进行中的训练（已暂停）</translation>
    </message>
    <message>
        <source>Run {run} · {status} · {epochs} epochs · {when}</source>
        <translation>训练记录 {run} · {status} · {epochs} 轮 · {when}</translation>
    </message>
    <message>
        <source>{name}: imported weights</source>
        <translation>{name}：导入的权重</translation>
    </message>
    <message>
        <source>training (paused)</source>
        <translation>训练（已暂停）</translation>
    </message>
    <message>
        <source>{name} (imported)</source>
        <translation>{name}（导入）</translation>
    </message>
    <message>
        <source>Explain — NeuroCanvas</source>
        <translation>解释 — NeuroCanvas</translation>
    </message>
    <message>
        <source>Open model file…</source>
        <translation>打开模型文件…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Nothing to explain yet: train the network (Train menu), import a model with weights, or open a .keras file.</source>
        <translation>暂无可解释的内容：请训练网络（“训练”菜单）、导入带权重的模型，或打开 .keras 文件。</translation>
    </message>
    <message>
        <source>File {name}</source>
        <translation>文件 {name}</translation>
    </message>
    <message>
        <source>Open a Keras model</source>
        <translation>打开 Keras 模型</translation>
    </message>
    <message>
        <source>Loading {source}…</source>
        <translation>正在加载 {source}…</translation>
    </message>
    <message>
        <source>Cannot explain this: {reason}</source>
        <translation>无法解释：{reason}</translation>
    </message>
    <message>
        <source>{name}: {count} validation samples of {dataset}</source>
        <translation>{name}：{dataset} 的 {count} 个验证样本</translation>
    </message>
    <message>
        <source>{name}: no dataset (choose the document&apos;s data to see samples)</source>
        <translation>{name}：没有数据集（选择文档的数据即可查看样本）</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>错误分析</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>序列</translation>
    </message>
</context>
<context>
    <name>FeatureMapsPanel</name>
    <message>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <source>{channels} channels of {height}×{width}</source>
        <translation>{channels} 个 {height}×{width} 的通道</translation>
    </message>
    <message>
        <source>{channels} channels over {steps} steps</source>
        <translation>{channels} 个通道，共 {steps} 步</translation>
    </message>
    <message>
        <source>{units} units × {samples} samples</source>
        <translation>{units} 个单元 × {samples} 个样本</translation>
    </message>
    <message>
        <source>Click a node on the canvas to see its activations.</source>
        <translation>在画布上点击一个节点，查看它的特征图。</translation>
    </message>
    <message>
        <source>sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>{layer}: waiting for its activations (they come at the next batch while training, or after an epoch).</source>
        <translation>{layer}：正在等待它的输出（训练时在下一批后到达，否则在一轮之后）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt;: {how} · epoch {epoch} · channel {channel} enlarged</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt;：{how} · 第 {epoch} 轮 · 放大显示通道 {channel}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt;: {how} · channel {channel} enlarged</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt;：{how} · 放大显示通道 {channel}</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>input channel </source>
        <translation>输入通道 </translation>
    </message>
    <message>
        <source>colour (RGB)</source>
        <translation>彩色（RGB）</translation>
    </message>
    <message>
        <source>Kernels appear after the first epoch of a network with convolutions.</source>
        <translation>含卷积层的网络训练完第一轮后显示卷积核。</translation>
    </message>
    <message>
        <source>channel </source>
        <translation>通道 </translation>
    </message>
    <message>
        <source>Draw what it responds to</source>
        <translation>画出它响应的图案</translation>
    </message>
    <message>
        <source>Activation maximisation: gradient ascent on the input (when training is not running)</source>
        <translation>激活最大化：对输入做梯度上升（训练未运行时）</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>what {layer} channel {channel} responds to most</source>
        <translation>{layer} 的通道 {channel} 最强烈响应的输入</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt;: kernel {shape}, {count} filters in colour</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt;：卷积核 {shape}，共 {count} 个（彩色显示）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt;: kernel {shape}, {count} filters</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt;：卷积核 {shape}，共 {count} 个</translation>
    </message>
    <message>
        <source>{kernels} · epoch {epoch}</source>
        <translation>{kernels} · 第 {epoch} 轮</translation>
    </message>
</context>
<context>
    <name>FixBadge</name>
    <message>
        <source>Quick fix: {fix} (click to apply)</source>
        <translation>快速修复：{fix}（点击应用）</translation>
    </message>
    <message>
        <source>{count} quick fixes, e.g. {fix} (click to choose)</source>
        <translation>{count} 个快速修复，例如 {fix}（点击选择）</translation>
    </message>
    <message>
        <source>The fix could not be applied: {reason}</source>
        <translation>无法应用此修复：{reason}</translation>
    </message>
</context>
<context>
    <name>GalleryDialog</name>
    <message>
        <source>New from preset or lesson</source>
        <translation>从预设或课程新建</translation>
    </message>
    <message>
        <source>Search presets: name, family, year, idea…</source>
        <translation>搜索预设：名称、类别、年份、思路…</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>{title} ({source})
{description}</source>
        <translation>{title}（{source}）
{description}</translation>
    </message>
    <message>
        <source>{title}
{chapter}</source>
        <translation>{title}
{chapter}</translation>
    </message>
    <message>
        <source>Search lessons: title, chapter, idea…</source>
        <translation>搜索课程：标题、章节、思路…</translation>
    </message>
</context>
<context>
    <name>GroupCollapse</name>
    <message>
        <source>&lt;b&gt;{group}&lt;/b&gt;: {count} layers, {params} params&lt;br&gt;in {inputs} → out {outputs}&lt;br&gt;Double-click to expand.</source>
        <translation>&lt;b&gt;{group}&lt;/b&gt;：{count} 层，参数量 {params}&lt;br&gt;输入 {inputs} → 输出 {outputs}&lt;br&gt;双击展开。</translation>
    </message>
</context>
<context>
    <name>GroupFrameItem</name>
    <message>
        <source>Group {group}: click the header to collapse</source>
        <translation>分组 {group}：点击标题栏折叠</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>dead units</source>
        <translation>死亡单元</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>‖∇ weights‖</source>
        <translation>‖∇ 权重‖</translation>
    </message>
    <message>
        <source>‖∇ output‖</source>
        <translation>‖∇ 输出‖</translation>
    </message>
    <message>
        <source>‖weights‖</source>
        <translation>‖权重‖</translation>
    </message>
    <message>
        <source>Show on canvas</source>
        <translation>在画布上显示</translation>
    </message>
    <message>
        <source>Badges on the nodes: dead units or the gradient norm</source>
        <translation>节点上的徽标：死亡单元比例或梯度范数</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>重新测量</translation>
    </message>
    <message>
        <source>{count} layers measured on one validation batch; {flagged} look unhealthy (highlighted).</source>
        <translation>在一批验证数据上测量了 {count} 层；其中 {flagged} 层看起来不健康（已高亮）。</translation>
    </message>
    <message>
        <source>{count} layers measured on one validation batch.</source>
        <translation>在一批验证数据上测量了 {count} 层。</translation>
    </message>
    <message>
        <source>Badges on {count} nodes of the canvas.</source>
        <translation>画布上 {count} 个节点已显示徽标。</translation>
    </message>
</context>
<context>
    <name>HistogramsPanel</name>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>weights · epoch {epoch}</source>
        <translation>权重 · 第 {epoch} 轮</translation>
    </message>
    <message>
        <source>gradients · epoch {epoch}</source>
        <translation>梯度 · 第 {epoch} 轮</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>How the output shape, the parameter count and the MACs are computed, with this layer&apos;s numbers.</source>
        <translation>用本层的数值说明输出形状、参数量和乘加次数（MACs）是怎样算出来的。</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>Widen ×2</source>
        <translation>加宽 ×2</translation>
    </message>
    <message>
        <source>Twice the units/filters, same outputs (Net2Net); one undo step</source>
        <translation>单元数/卷积核个数加倍，输出不变（Net2Net）；一步撤销</translation>
    </message>
    <message>
        <source>Deepen after</source>
        <translation>在其后加深</translation>
    </message>
    <message>
        <source>Insert an identity layer after this one, same outputs; one undo step</source>
        <translation>在本层之后插入一个恒等层，输出不变；一步撤销</translation>
    </message>
    <message>
        <source>Select a layer to edit its parameters.

Drag layers from the palette, or double-click the canvas to add one.</source>
        <translation>选择一个层以编辑它的参数。

从层面板拖入层，或双击画布添加一个层。</translation>
    </message>
    <message>
        <source>{count} layers selected.</source>
        <translation>已选择 {count} 个层。</translation>
    </message>
    <message>
        <source>in {inputs}&lt;br&gt;out &lt;b&gt;{outputs}&lt;/b&gt;&lt;br&gt;{trainable} trainable · {non_trainable} non-trainable params · {macs} MACs</source>
        <translation>输入 {inputs}&lt;br&gt;输出 &lt;b&gt;{outputs}&lt;/b&gt;&lt;br&gt;可训练参数 {trainable} · 不可训练参数 {non_trainable} · 乘加 {macs} MACs</translation>
    </message>
    <message>
        <source>Output shape unknown.</source>
        <translation>输出形状未知。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Apply: {fix} (one undo step)</source>
        <translation>应用：{fix}（一步撤销）</translation>
    </message>
    <message>
        <source>Output shape:
  {shape}
Params: {params}
MACs: {macs}</source>
        <translation>输出形状：
  {shape}
参数量：{params}
乘加次数（MACs）：{macs}</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>TensorFlow could not be loaded: {reason}</source>
        <translation>无法加载 TensorFlow：{reason}</translation>
    </message>
</context>
<context>
    <name>LRPanel</name>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划值</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>now {lr}</source>
        <translation>当前 {lr}</translation>
    </message>
</context>
<context>
    <name>LayerDoc</name>
    <message>
        <source>A model input: declares the shape of one sample (without the batch axis).

Example: Input(shape=(28, 28, 1)) feeds (None, 28, 28, 1) to the next layer.</source>
        <translation>模型的输入：声明单个样本的形状（不含批维度）。

示例：Input(shape=(28, 28, 1)) 向下一层送入 (None, 28, 28, 1)。</translation>
    </message>
    <message>
        <source>Fully connected layer: output = activation(input · kernel + bias), on the last axis.

Example: Dense(128, activation=&apos;relu&apos;) maps (None, 784) to (None, 128) with 100,480 params.</source>
        <translation>全连接层：在最后一个轴上计算 output = activation(input · kernel + bias)。

示例：Dense(128, activation=&apos;relu&apos;) 把 (None, 784) 映射为 (None, 128)，参数量 100,480。</translation>
    </message>
    <message>
        <source>Flattens each sample into a vector; the batch axis is kept.

Example: (None, 5, 5, 16) becomes (None, 400).</source>
        <translation>把每个样本拉直为一维向量；批维度保持不变。

示例：(None, 5, 5, 16) 变为 (None, 400)。</translation>
    </message>
    <message>
        <source>Applies an activation function element-wise; the shape is unchanged.

Example: Activation(&apos;relu&apos;) after a Conv2D without activation, e.g. between the convolution and its BatchNormalization.</source>
        <translation>逐元素施加激活函数；形状不变。

示例：Activation(&apos;relu&apos;) 放在不带激活函数的 Conv2D 之后，例如放在卷积与其 BatchNormalization 之间。</translation>
    </message>
    <message>
        <source>Randomly sets a fraction `rate` of the inputs to 0 during training and scales the rest by 1/(1 - rate); does nothing at inference. The shape is unchanged.

Example: Dropout(0.5) between two Dense layers.</source>
        <translation>训练时随机把比例为 `rate` 的输入置 0（舍弃），并把其余值乘以 1/(1 - rate)；推理时不起作用。形状不变。

示例：在两个 Dense 层之间使用 Dropout(0.5)。</translation>
    </message>
    <message>
        <source>Reshapes each sample to target_shape (batch axis excluded); one axis may be -1 to have its size computed.

Example: Reshape((28, 28, 1)) maps (None, 784) to (None, 28, 28, 1); Reshape((-1, 64)) maps (None, 8, 8, 64) to (None, 64, 64).</source>
        <translation>把每个样本的形状变为 target_shape（不含批维度）；可以有一个轴写 -1，由程序自动计算其大小。

示例：Reshape((28, 28, 1)) 把 (None, 784) 映射为 (None, 28, 28, 1)；Reshape((-1, 64)) 把 (None, 8, 8, 64) 映射为 (None, 64, 64)。</translation>
    </message>
    <message>
        <source>Reorders the non-batch axes; dims are 1-based and the batch axis never moves.

Example: Permute((2, 1)) maps (None, 10, 64) to (None, 64, 10).</source>
        <translation>重新排列批维度以外的轴；dims 从 1 开始编号，批维度始终不动。

示例：Permute((2, 1)) 把 (None, 10, 64) 映射为 (None, 64, 10)。</translation>
    </message>
    <message>
        <source>Repeats a vector n times, making a sequence (e.g. the decoder input of a seq2seq model).

Example: RepeatVector(3) maps (None, 32) to (None, 3, 32).</source>
        <translation>把一个向量重复 n 次，构成一个序列（例如 seq2seq 模型中解码器的输入）。

示例：RepeatVector(3) 把 (None, 32) 映射为 (None, 3, 32)。</translation>
    </message>
    <message>
        <source>Turns integer indices (e.g. word ids) into dense vectors of size output_dim; an output_dim axis is appended to the input shape.

Example: Embedding(10000, 64) maps (None, 100) to (None, 100, 64) with 640,000 params.</source>
        <translation>把整数索引（例如单词编号）变为长度为 output_dim 的稠密向量（词嵌入）；输出形状是在输入形状后追加一个 output_dim 轴。

示例：Embedding(10000, 64) 把 (None, 100) 映射为 (None, 100, 64)，参数量 640,000。</translation>
    </message>
    <message>
        <source>Marks time steps whose features all equal mask_value so that the following RNN layers skip them; the shape is unchanged.

Example: Masking(0.0) before an LSTM on zero-padded sequences.</source>
        <translation>标记所有特征都等于 mask_value 的时间步，使后续的循环层跳过它们；形状不变。

示例：对补零后的序列，在 LSTM 之前使用 Masking(0.0)。</translation>
    </message>
    <message>
        <source>Returns its input unchanged; useful as a named placeholder or a branch point.

Example: Identity() on (None, 32) outputs (None, 32).</source>
        <translation>原样返回输入；可用作有名字的占位层或分支点。

示例：Identity() 输入 (None, 32)，输出 (None, 32)。</translation>
    </message>
    <message>
        <source>1-D convolution over sequences: slides `filters` kernels of size kernel_size over the steps axes.

Example: Conv1D(8, 5) maps (None, 20, 1) to (None, 16, 8) with 48 params; padding=&apos;causal&apos; keeps the length and never looks ahead.</source>
        <translation>在序列上做一维卷积：让 `filters` 个尺寸为 kernel_size 的卷积核沿步（steps）轴滑动。

示例：Conv1D(8, 5) 把 (None, 20, 1) 映射为 (None, 16, 8)，参数量 48；padding=&apos;causal&apos; 保持长度不变，且从不看到未来的时间步。</translation>
    </message>
    <message>
        <source>2-D convolution over images: slides `filters` kernels of size kernel_size over the height, width axes.

Example: Conv2D(32, 3, activation=&apos;relu&apos;) maps (None, 28, 28, 1) to (None, 26, 26, 32) with 320 params.</source>
        <translation>在图像上做二维卷积：让 `filters` 个尺寸为 kernel_size 的卷积核沿高、宽轴滑动。

示例：Conv2D(32, 3, activation=&apos;relu&apos;) 把 (None, 28, 28, 1) 映射为 (None, 26, 26, 32)，参数量 320。</translation>
    </message>
    <message>
        <source>3-D convolution over volumes or video: slides `filters` kernels of size kernel_size over the depth, height, width axes.

Example: Conv3D(8, 3) maps (None, 16, 64, 64, 3) to (None, 14, 62, 62, 8) with 656 params.</source>
        <translation>在体数据或视频上做三维卷积：让 `filters` 个尺寸为 kernel_size 的卷积核沿深、高、宽轴滑动。

示例：Conv3D(8, 3) 把 (None, 16, 64, 64, 3) 映射为 (None, 14, 62, 62, 8)，参数量 656。</translation>
    </message>
    <message>
        <source>Transposed 1-D convolution (sometimes called deconvolution): the upsampling counterpart of Conv1D; with strides s each axis grows about s times.

Example: Conv1DTranspose(5, 3, strides=2) maps (None, 8, 4) to (None, 17, 5) with 65 params.</source>
        <translation>一维转置卷积（有时称为反卷积）：Conv1D 对应的上采样层；步长为 s 时每个轴大约扩大 s 倍。

示例：Conv1DTranspose(5, 3, strides=2) 把 (None, 8, 4) 映射为 (None, 17, 5)，参数量 65。</translation>
    </message>
    <message>
        <source>Transposed 2-D convolution (sometimes called deconvolution): the upsampling counterpart of Conv2D; with strides s each axis grows about s times.

Example: Conv2DTranspose(8, 3, strides=2, padding=&apos;same&apos;) maps (None, 3, 3, 16) to (None, 6, 6, 8) with 1,160 params.</source>
        <translation>二维转置卷积（有时称为反卷积）：Conv2D 对应的上采样层；步长为 s 时每个轴大约扩大 s 倍。

示例：Conv2DTranspose(8, 3, strides=2, padding=&apos;same&apos;) 把 (None, 3, 3, 16) 映射为 (None, 6, 6, 8)，参数量 1,160。</translation>
    </message>
    <message>
        <source>Transposed 3-D convolution (sometimes called deconvolution): the upsampling counterpart of Conv3D; with strides s each axis grows about s times.

Example: Conv3DTranspose(5, 3, strides=2, padding=&apos;same&apos;) maps (None, 4, 8, 8, 2) to (None, 8, 16, 16, 5) with 275 params.</source>
        <translation>三维转置卷积（有时称为反卷积）：Conv3D 对应的上采样层；步长为 s 时每个轴大约扩大 s 倍。

示例：Conv3DTranspose(5, 3, strides=2, padding=&apos;same&apos;) 把 (None, 4, 8, 8, 2) 映射为 (None, 8, 16, 16, 5)，参数量 275。</translation>
    </message>
    <message>
        <source>Depthwise-separable 1-D convolution: a per-channel 1-D convolution followed by a 1×1 convolution that mixes channels into `filters` outputs; far fewer parameters than Conv1D.

Example: SeparableConv1D(16, 3) maps (None, 20, 8) to (None, 18, 16) with 168 params.</source>
        <translation>深度可分离一维卷积：先对每个通道分别做一维卷积，再用 1×1 卷积把各通道混合成 `filters` 个输出；参数比 Conv1D 少得多。

示例：SeparableConv1D(16, 3) 把 (None, 20, 8) 映射为 (None, 18, 16)，参数量 168。</translation>
    </message>
    <message>
        <source>Depthwise-separable 2-D convolution: a per-channel 2-D convolution followed by a 1×1 convolution that mixes channels into `filters` outputs; far fewer parameters than Conv2D.

Example: SeparableConv2D(64, 3, padding=&apos;same&apos;) maps (None, 32, 32, 32) to (None, 32, 32, 64) with 2,400 params (Xception).</source>
        <translation>深度可分离二维卷积：先对每个通道分别做二维卷积，再用 1×1 卷积把各通道混合成 `filters` 个输出；参数比 Conv2D 少得多。

示例：SeparableConv2D(64, 3, padding=&apos;same&apos;) 把 (None, 32, 32, 32) 映射为 (None, 32, 32, 64)，参数量 2,400（Xception）。</translation>
    </message>
    <message>
        <source>Depthwise 1-D convolution: each input channel gets its own kernel(s); the output has channels × depth_multiplier channels.

Example: DepthwiseConv1D(3) maps (None, 20, 8) to (None, 18, 8) with 32 params.</source>
        <translation>逐深度（depthwise）一维卷积：每个输入通道有各自的卷积核；输出的通道数为输入通道数 × depth_multiplier。

示例：DepthwiseConv1D(3) 把 (None, 20, 8) 映射为 (None, 18, 8)，参数量 32。</translation>
    </message>
    <message>
        <source>Depthwise 2-D convolution: each input channel gets its own kernel(s); the output has channels × depth_multiplier channels.

Example: DepthwiseConv2D(3, padding=&apos;same&apos;) maps (None, 56, 56, 32) to (None, 56, 56, 32) with 320 params (MobileNet).</source>
        <translation>逐深度（depthwise）二维卷积：每个输入通道有各自的卷积核；输出的通道数为输入通道数 × depth_multiplier。

示例：DepthwiseConv2D(3, padding=&apos;same&apos;) 把 (None, 56, 56, 32) 映射为 (None, 56, 56, 32)，参数量 320（MobileNet）。</translation>
    </message>
    <message>
        <source>1-D max pooling: keeps the largest value of each pool_size window over the steps axes; channels are unchanged and there are no weights.

Example: MaxPooling1D(2) maps (None, 20, 8) to (None, 10, 8).</source>
        <translation>一维最大池化：沿步（steps）轴在每个 pool_size 窗口中保留最大值；通道数不变，没有权重。

示例：MaxPooling1D(2) 把 (None, 20, 8) 映射为 (None, 10, 8)。</translation>
    </message>
    <message>
        <source>2-D max pooling: keeps the largest value of each pool_size window over the height, width axes; channels are unchanged and there are no weights.

Example: MaxPooling2D(2) maps (None, 28, 28, 6) to (None, 14, 14, 6); MaxPooling2D(3, strides=2) (overlapping, as in AlexNet) maps 55×55 to 27×27.</source>
        <translation>二维最大池化：沿高、宽轴在每个 pool_size 窗口中保留最大值；通道数不变，没有权重。

示例：MaxPooling2D(2) 把 (None, 28, 28, 6) 映射为 (None, 14, 14, 6)；MaxPooling2D(3, strides=2)（重叠池化，如 AlexNet）把 55×55 映射为 27×27。</translation>
    </message>
    <message>
        <source>3-D max pooling: keeps the largest value of each pool_size window over the depth, height, width axes; channels are unchanged and there are no weights.

Example: MaxPooling3D(2) maps (None, 16, 32, 32, 8) to (None, 8, 16, 16, 8).</source>
        <translation>三维最大池化：沿深、高、宽轴在每个 pool_size 窗口中保留最大值；通道数不变，没有权重。

示例：MaxPooling3D(2) 把 (None, 16, 32, 32, 8) 映射为 (None, 8, 16, 16, 8)。</translation>
    </message>
    <message>
        <source>1-D average pooling: keeps the mean of each pool_size window over the steps axes; channels are unchanged and there are no weights.

Example: AveragePooling1D(2) maps (None, 20, 8) to (None, 10, 8).</source>
        <translation>一维均值池化：沿步（steps）轴在每个 pool_size 窗口中取平均值；通道数不变，没有权重。

示例：AveragePooling1D(2) 把 (None, 20, 8) 映射为 (None, 10, 8)。</translation>
    </message>
    <message>
        <source>2-D average pooling: keeps the mean of each pool_size window over the height, width axes; channels are unchanged and there are no weights.

Example: AveragePooling2D(2) maps (None, 28, 28, 6) to (None, 14, 14, 6); AveragePooling2D(3, strides=2) (overlapping, as in AlexNet) maps 55×55 to 27×27.</source>
        <translation>二维均值池化：沿高、宽轴在每个 pool_size 窗口中取平均值；通道数不变，没有权重。

示例：AveragePooling2D(2) 把 (None, 28, 28, 6) 映射为 (None, 14, 14, 6)；AveragePooling2D(3, strides=2)（重叠池化，如 AlexNet）把 55×55 映射为 27×27。</translation>
    </message>
    <message>
        <source>3-D average pooling: keeps the mean of each pool_size window over the depth, height, width axes; channels are unchanged and there are no weights.

Example: AveragePooling3D(2) maps (None, 16, 32, 32, 8) to (None, 8, 16, 16, 8).</source>
        <translation>三维均值池化：沿深、高、宽轴在每个 pool_size 窗口中取平均值；通道数不变，没有权重。

示例：AveragePooling3D(2) 把 (None, 16, 32, 32, 8) 映射为 (None, 8, 16, 16, 8)。</translation>
    </message>
    <message>
        <source>Takes the largest value over all steps positions, leaving one value per channel; works for any input size.

Example: GlobalMaxPooling1D() maps (None, 100, 64) to (None, 64), whatever the sequence length.</source>
        <translation>在所有步（steps）位置上取最大值，每个通道只留一个值；适用于任意大小的输入。

示例：GlobalMaxPooling1D() 把 (None, 100, 64) 映射为 (None, 64)，与序列长度无关。</translation>
    </message>
    <message>
        <source>Takes the largest value over all height, width positions, leaving one value per channel; works for any input size.

Example: GlobalMaxPooling2D() maps (None, 7, 7, 512) to (None, 512); with keepdims=True to (None, 1, 1, 512).</source>
        <translation>在所有高、宽位置上取最大值，每个通道只留一个值；适用于任意大小的输入。

示例：GlobalMaxPooling2D() 把 (None, 7, 7, 512) 映射为 (None, 512)；若 keepdims=True 则映射为 (None, 1, 1, 512)。</translation>
    </message>
    <message>
        <source>Takes the largest value over all depth, height, width positions, leaving one value per channel; works for any input size.

Example: GlobalMaxPooling3D() maps (None, 4, 8, 8, 32) to (None, 32).</source>
        <translation>在所有深、高、宽位置上取最大值，每个通道只留一个值；适用于任意大小的输入。

示例：GlobalMaxPooling3D() 把 (None, 4, 8, 8, 32) 映射为 (None, 32)。</translation>
    </message>
    <message>
        <source>Takes the mean over all steps positions, leaving one value per channel; works for any input size.

Example: GlobalAveragePooling1D() maps (None, 100, 64) to (None, 64), whatever the sequence length.</source>
        <translation>在所有步（steps）位置上取平均值，每个通道只留一个值；适用于任意大小的输入。

示例：GlobalAveragePooling1D() 把 (None, 100, 64) 映射为 (None, 64)，与序列长度无关。</translation>
    </message>
    <message>
        <source>Takes the mean over all height, width positions, leaving one value per channel; works for any input size.

Example: GlobalAveragePooling2D() maps (None, 7, 7, 512) to (None, 512); with keepdims=True to (None, 1, 1, 512).</source>
        <translation>在所有高、宽位置上取平均值，每个通道只留一个值；适用于任意大小的输入。

示例：GlobalAveragePooling2D() 把 (None, 7, 7, 512) 映射为 (None, 512)；若 keepdims=True 则映射为 (None, 1, 1, 512)。</translation>
    </message>
    <message>
        <source>Takes the mean over all depth, height, width positions, leaving one value per channel; works for any input size.

Example: GlobalAveragePooling3D() maps (None, 4, 8, 8, 32) to (None, 32).</source>
        <translation>在所有深、高、宽位置上取平均值，每个通道只留一个值；适用于任意大小的输入。

示例：GlobalAveragePooling3D() 把 (None, 4, 8, 8, 32) 映射为 (None, 32)。</translation>
    </message>
    <message>
        <source>Normalizes each feature (entry of `axis`) to mean 0 and variance 1 using batch statistics in training and moving averages in inference, then scales by gamma and shifts by beta.

Weights: 4·C for C = input_shape[axis] (gamma and beta trainable, moving mean and variance not).
Example: BatchNormalization() on (None, 8, 8, 16) has 64 weights, 32 of them trainable.</source>
        <translation>批标准化：把每个特征（`axis` 上的每一项）标准化为均值 0、方差 1——训练时用当前批的统计量，推理时用滑动平均值——再乘以缩放因子 gamma、加上偏移因子 beta。

权重：4·C 个，C = input_shape[axis]（gamma 和 beta 可训练，滑动均值和方差不可训练）。
示例：BatchNormalization() 作用于 (None, 8, 8, 16) 时有 64 个权重，其中 32 个可训练。</translation>
    </message>
    <message>
        <source>Normalizes each sample over `axis` (the features, by default) to mean 0 and variance 1, independently of the batch, then scales by gamma and shifts by beta.

Example: LayerNormalization() on (None, 10, 64) has 128 trainable weights.</source>
        <translation>层标准化：把每个样本在 `axis`（默认为特征轴）上标准化为均值 0、方差 1，与批无关，再乘以 gamma、加上 beta。

示例：LayerNormalization() 作用于 (None, 10, 64) 时有 128 个可训练权重。</translation>
    </message>
    <message>
        <source>Splits the channels into `groups` and normalizes each group of each sample to mean 0 and variance 1; groups=1 is layer normalization over the channels, groups=-1 instance normalization.

Example: GroupNormalization(groups=8) on (None, 32, 32, 64) has 128 trainable weights.</source>
        <translation>组标准化：把通道分成 `groups` 组，将每个样本的每一组标准化为均值 0、方差 1；groups=1 即在通道上做层标准化，groups=-1 即实例标准化。

示例：GroupNormalization(groups=8) 作用于 (None, 32, 32, 64) 时有 128 个可训练权重。</translation>
    </message>
    <message>
        <source>Feature-wise standardization (x - mean) / sqrt(variance), with statistics given here or learned from data with adapt(); invert=True undoes it.

Example: Normalization() on (None, 8) keeps 8 means, 8 variances and a count: 17 non-trainable weights.</source>
        <translation>逐特征标准化 (x - mean) / sqrt(variance)，统计量在此给出，或用 adapt() 从数据中学得；invert=True 时做逆变换。

示例：Normalization() 作用于 (None, 8) 时保存 8 个均值、8 个方差和一个计数：共 17 个不可训练权重。</translation>
    </message>
    <message>
        <source>Dropout of entire channels of a 1D feature map during training (adjacent values are strongly correlated, so dropping single values regularizes little).

Example: SpatialDropout1D(0.2) on (None, 100, 64) keeps the shape and drops 20% of the channels.</source>
        <translation>训练时对一维特征图整通道地舍弃（相邻值高度相关，只舍弃单个值几乎起不到正则化作用）。

示例：SpatialDropout1D(0.2) 作用于 (None, 100, 64) 时形状不变，舍弃 20% 的通道。</translation>
    </message>
    <message>
        <source>Dropout of entire channels of a 2D feature map during training (adjacent values are strongly correlated, so dropping single values regularizes little).

Example: SpatialDropout2D(0.2) on (None, 32, 32, 16) keeps the shape and drops 20% of the channels.</source>
        <translation>训练时对二维特征图整通道地舍弃（相邻值高度相关，只舍弃单个值几乎起不到正则化作用）。

示例：SpatialDropout2D(0.2) 作用于 (None, 32, 32, 16) 时形状不变，舍弃 20% 的通道。</translation>
    </message>
    <message>
        <source>Dropout of entire channels of a 3D feature map during training (adjacent values are strongly correlated, so dropping single values regularizes little).

Example: SpatialDropout3D(0.2) on (None, 8, 16, 16, 4) keeps the shape and drops 20% of the channels.</source>
        <translation>训练时对三维特征图整通道地舍弃（相邻值高度相关，只舍弃单个值几乎起不到正则化作用）。

示例：SpatialDropout3D(0.2) 作用于 (None, 8, 16, 16, 4) 时形状不变，舍弃 20% 的通道。</translation>
    </message>
    <message>
        <source>Adds zero-centred Gaussian noise during training only (a data augmentation for real inputs).

Example: GaussianNoise(0.1) after the Input of a tabular model.</source>
        <translation>仅在训练时加入均值为 0 的高斯噪声（一种针对实数输入的数据增强）。

示例：在表格数据模型的 Input 之后使用 GaussianNoise(0.1)。</translation>
    </message>
    <message>
        <source>Multiplies the input by 1-centred Gaussian noise of stddev sqrt(rate / (1 - rate)) during training.

Example: GaussianDropout(0.3) in place of Dropout(0.3).</source>
        <translation>训练时把输入乘以均值为 1、标准差为 sqrt(rate / (1 - rate)) 的高斯噪声。

示例：用 GaussianDropout(0.3) 代替 Dropout(0.3)。</translation>
    </message>
    <message>
        <source>Dropout that keeps the mean and variance of its input, for self-normalizing networks (selu activations with lecun_normal initialization).

Example: Dense(64, activation=&apos;selu&apos;) followed by AlphaDropout(0.1).</source>
        <translation>保持输入均值和方差不变的舍弃，用于自归一化网络（selu 激活函数配合 lecun_normal 初始化）。

示例：Dense(64, activation=&apos;selu&apos;) 之后接 AlphaDropout(0.1)。</translation>
    </message>
    <message>
        <source>Passes its input through unchanged and adds l1·sum|x| + l2·sum x² of it to the training loss.

Example: ActivityRegularization(l1=1e-5) after a Dense layer encourages sparse activations.</source>
        <translation>原样输出输入，并把 l1·sum|x| + l2·sum x² 加到训练的损失中。

示例：在 Dense 层之后使用 ActivityRegularization(l1=1e-5)，促使激活值稀疏。</translation>
    </message>
    <message>
        <source>Rectified linear unit: f(x) = max_value if x ≥ max_value, x if threshold ≤ x &lt; max_value, negative_slope·(x − threshold) otherwise.

Example: ReLU(max_value=6) is ReLU6, as in MobileNet.</source>
        <translation>线性整流单元：x ≥ max_value 时 f(x) = max_value，threshold ≤ x &lt; max_value 时 f(x) = x，其余情况 f(x) = negative_slope·(x − threshold)。

示例：ReLU(max_value=6) 即 ReLU6，用于 MobileNet。</translation>
    </message>
    <message>
        <source>Leaky rectified linear unit: f(x) = x for x ≥ 0, negative_slope·x otherwise.

Example: LeakyReLU(0.2) in a GAN discriminator.</source>
        <translation>带泄露的线性整流单元：x ≥ 0 时 f(x) = x，否则 f(x) = negative_slope·x。

示例：GAN 判别器中的 LeakyReLU(0.2)。</translation>
    </message>
    <message>
        <source>Parametric ReLU: f(x) = x for x ≥ 0, alpha·x otherwise, with alpha learned for every input position (or shared along shared_axes).

Example: PReLU(shared_axes=[1, 2]) on (None, 32, 32, 16) learns 16 slopes, one per channel.</source>
        <translation>参数化 ReLU：x ≥ 0 时 f(x) = x，否则 f(x) = alpha·x；alpha 对每个输入位置分别学习（或沿 shared_axes 共享）。

示例：PReLU(shared_axes=[1, 2]) 作用于 (None, 32, 32, 16) 时学习 16 个斜率，每个通道一个。</translation>
    </message>
    <message>
        <source>Exponential linear unit: f(x) = x for x &gt; 0, alpha·(exp(x) − 1) otherwise.

Example: ELU(alpha=1.0) after a Dense layer.</source>
        <translation>指数线性单元：x &gt; 0 时 f(x) = x，否则 f(x) = alpha·(exp(x) − 1)。

示例：在 Dense 层之后使用 ELU(alpha=1.0)。</translation>
    </message>
    <message>
        <source>Softmax over `axis`: exponentials normalized to sum to 1, e.g. class probabilities.

Example: Softmax() on (None, 10) gives 10 probabilities per sample.</source>
        <translation>在 `axis` 上做 Softmax：把指数值归一化使其和为 1，例如得到各类别的概率。

示例：Softmax() 作用于 (None, 10) 时为每个样本给出 10 个概率。</translation>
    </message>
    <message>
        <source>Fully connected recurrent layer: h_t = activation(x_t · W + h_{t-1} · U + b).

Params: units · (features + units + 1). Example: SimpleRNN(64) on (None, 20, 100) outputs (None, 64) with 10,560 params.</source>
        <translation>全连接的循环层：h_t = activation(x_t · W + h_{t-1} · U + b)。

参数量：units · (features + units + 1)。示例：SimpleRNN(64) 作用于 (None, 20, 100) 时输出 (None, 64)，参数量 10,560。</translation>
    </message>
    <message>
        <source>Long short-term memory: input, forget and output gates around a cell state c, so information can survive many steps.

Params: 4 · units · (features + units + 1). Example: LSTM(32) on (None, 64, 32) outputs (None, 32) with 8,320 params; with return_state=True it also outputs h and c.</source>
        <translation>长短期记忆网络：在细胞态 c 周围设有输入门、遗忘门和输出门，使信息能保留很多个时间步。

参数量：4 · units · (features + units + 1)。示例：LSTM(32) 作用于 (None, 64, 32) 时输出 (None, 32)，参数量 8,320；return_state=True 时还会输出 h 和 c。</translation>
    </message>
    <message>
        <source>Gated recurrent unit: update and reset gates, one state h. Lighter than LSTM.

Params: 3 · units · (features + units) + 3 · units bias (twice that with the default reset_after=True). Example: GRU(64) on (None, 20, 100) has 31,872 params.</source>
        <translation>门控循环单元：有更新门和重置门，只有一个记忆体 h。比 LSTM 更轻量。

参数量：3 · units · (features + units) + 3 · units 个偏置（默认 reset_after=True 时偏置为其两倍）。示例：GRU(64) 作用于 (None, 20, 100) 时参数量 31,872。</translation>
    </message>
    <message>
        <source>Runs a recurrent layer forwards and a copy of it backwards over the same sequence and merges the two outputs.

Params: twice the wrapped layer&apos;s. Example: Bidirectional(LSTM(32)) on (None, 100, 50) outputs (None, 64) with 21,248 params; merge_mode=&apos;sum&apos; gives (None, 32); merge_mode=None gives two outputs, forward and backward.</source>
        <translation>对同一序列分别正向运行一个循环层、反向运行它的一个副本，并合并两者的输出。

参数量：被包装层的两倍。示例：Bidirectional(LSTM(32)) 作用于 (None, 100, 50) 时输出 (None, 64)，参数量 21,248；merge_mode=&apos;sum&apos; 得到 (None, 32)；merge_mode=None 得到两个输出：正向和反向。</translation>
    </message>
    <message>
        <source>Applies the wrapped layer to every time step (axis 1) with the same weights.

The params are the wrapped layer&apos;s on one step, not multiplied by the number of steps. Example: TimeDistributed(Dense(32)) on (None, 10, 64) outputs (None, 10, 32) with 2,080 params; TimeDistributed(Conv2D(8, 3)) on (None, 10, 32, 32, 3) outputs (None, 10, 30, 30, 8).</source>
        <translation>用同一组权重把被包装的层作用于每一个时间步（轴 1）。

参数量是被包装的层在单个时间步上的参数量，不乘以时间步数。示例：TimeDistributed(Dense(32)) 作用于 (None, 10, 64) 时输出 (None, 10, 32)，参数量 2,080；TimeDistributed(Conv2D(8, 3)) 作用于 (None, 10, 32, 32, 3) 时输出 (None, 10, 30, 30, 8)。</translation>
    </message>
    <message>
        <source>Dot-product (Luong-style) attention: softmax(query · keyᵀ) · value.

Query (batch, Tq, dim), value (batch, Tv, dim_v) and optional key (batch, Tv, dim) give (batch, Tq, dim_v). Example: Attention()([q, v]) on (None, 5, 16) and (None, 9, 16) gives (None, 5, 16).</source>
        <translation>点积（Luong 式）注意力：softmax(query · keyᵀ) · value。

查询 (batch, Tq, dim)、值 (batch, Tv, dim_v) 和可选的键 (batch, Tv, dim) 得到 (batch, Tq, dim_v)。示例：Attention()([q, v]) 作用于 (None, 5, 16) 和 (None, 9, 16) 时得到 (None, 5, 16)。</translation>
    </message>
    <message>
        <source>Additive (Bahdanau-style) attention: softmax(sum(tanh(query + key))) · value.

Shapes as for Attention; with use_scale=True it learns one scale per feature (dim params). Example: AdditiveAttention()([q, v]) on (None, 5, 16) and (None, 9, 16) gives (None, 5, 16) with 16 params.</source>
        <translation>加性（Bahdanau 式）注意力：softmax(sum(tanh(query + key))) · value。

形状与 Attention 相同；use_scale=True 时为每个特征学习一个缩放系数（参数量为 dim）。示例：AdditiveAttention()([q, v]) 作用于 (None, 5, 16) 和 (None, 9, 16) 时得到 (None, 5, 16)，参数量 16。</translation>
    </message>
    <message>
        <source>Multi-head scaled dot-product attention with learned query, key, value and output projections (the Transformer block).

The output has the query&apos;s shape (last axis = output_shape when given). For self-attention connect the same tensor to query and value. Example: MultiHeadAttention(num_heads=4, key_dim=32) on (None, 10, 64) as self-attention outputs (None, 10, 64) with 33,216 params.</source>
        <translation>多头缩放点积注意力，查询、键、值和输出都有可学习的投影（Transformer 模块）。

输出与查询的形状相同（给出 output_shape 时最后一个轴为 output_shape）。做自注意力时把同一个张量同时连到 query 和 value。示例：MultiHeadAttention(num_heads=4, key_dim=32) 作为自注意力作用于 (None, 10, 64) 时输出 (None, 10, 64)，参数量 33,216。</translation>
    </message>
    <message>
        <source>Adds its inputs element-wise (a residual connection).

Example: Add()([x, shortcut]) on two (None, 32, 32, 64) tensors gives (None, 32, 32, 64).</source>
        <translation>逐元素地把各输入相加（残差连接）。

示例：Add()([x, shortcut]) 作用于两个 (None, 32, 32, 64) 张量时得到 (None, 32, 32, 64)。</translation>
    </message>
    <message>
        <source>Multiplies its inputs element-wise (gating, attention weighting).

Example: Multiply()([a, b]) on two (None, 10) tensors gives (None, 10).</source>
        <translation>逐元素地把各输入相乘（门控、注意力加权）。

示例：Multiply()([a, b]) 作用于两个 (None, 10) 张量时得到 (None, 10)。</translation>
    </message>
    <message>
        <source>Element-wise mean of its inputs (ensembles of branches).

Example: Average()([a, b, c]) on three (None, 10) tensors gives (None, 10).</source>
        <translation>逐元素求各输入的平均值（多个分支的集成）。

示例：Average()([a, b, c]) 作用于三个 (None, 10) 张量时得到 (None, 10)。</translation>
    </message>
    <message>
        <source>Element-wise maximum of its inputs.

Example: Maximum()([a, b]) on (None, 8) tensors gives (None, 8).</source>
        <translation>逐元素求各输入的最大值。

示例：Maximum()([a, b]) 作用于 (None, 8) 张量时得到 (None, 8)。</translation>
    </message>
    <message>
        <source>Element-wise minimum of its inputs.

Example: Minimum()([a, b]) on (None, 8) tensors gives (None, 8).</source>
        <translation>逐元素求各输入的最小值。

示例：Minimum()([a, b]) 作用于 (None, 8) 张量时得到 (None, 8)。</translation>
    </message>
    <message>
        <source>Subtracts its second input from its first, element-wise.

Example: Subtract()([x1, x2]) on two (None, 16) tensors gives (None, 16).</source>
        <translation>逐元素地用第一个输入减去第二个输入。

示例：Subtract()([x1, x2]) 作用于两个 (None, 16) 张量时得到 (None, 16)。</translation>
    </message>
    <message>
        <source>Joins its inputs along one axis; all other axes must match.

Example: Concatenate()([a, b]) on (None, 5, 3) and (None, 5, 4) gives (None, 5, 7).</source>
        <translation>沿一个轴拼接各输入；其余各轴的大小必须一致。

示例：Concatenate()([a, b]) 作用于 (None, 5, 3) 和 (None, 5, 4) 时得到 (None, 5, 7)。</translation>
    </message>
    <message>
        <source>Dot product of two samples along the given axes (cosine similarity with normalize=True).

Example: Dot(axes=1)([a, b]) on two (None, 8) tensors gives (None, 1); Dot(axes=(1, 2)) on (None, 3, 5) and (None, 10, 3) gives (None, 5, 10).</source>
        <translation>沿给定的轴求两个样本的点积（normalize=True 时为余弦相似度）。

示例：Dot(axes=1)([a, b]) 作用于两个 (None, 8) 张量时得到 (None, 1)；Dot(axes=(1, 2)) 作用于 (None, 3, 5) 和 (None, 10, 3) 时得到 (None, 5, 10)。</translation>
    </message>
    <message>
        <source>Enlarges 1D (sequences) by repeating (or interpolating) each value `size` times per spatial axis; channels are unchanged and there are no weights.

Example: UpSampling1D(2) maps (None, 10, 8) to (None, 20, 8).</source>
        <translation>放大一维数据（序列）：在每个空间轴上把每个值重复（或插值）`size` 次；通道数不变，没有权重。

示例：UpSampling1D(2) 把 (None, 10, 8) 映射为 (None, 20, 8)。</translation>
    </message>
    <message>
        <source>Enlarges 2D (images) by repeating (or interpolating) each value `size` times per spatial axis; channels are unchanged and there are no weights.

Example: UpSampling2D(2) maps (None, 14, 14, 8) to (None, 28, 28, 8).</source>
        <translation>放大二维数据（图像）：在每个空间轴上把每个值重复（或插值）`size` 次；通道数不变，没有权重。

示例：UpSampling2D(2) 把 (None, 14, 14, 8) 映射为 (None, 28, 28, 8)。</translation>
    </message>
    <message>
        <source>Enlarges 3D (volumes or video) by repeating (or interpolating) each value `size` times per spatial axis; channels are unchanged and there are no weights.

Example: UpSampling3D(2) maps (None, 4, 8, 8, 3) to (None, 8, 16, 16, 3).</source>
        <translation>放大三维数据（体数据或视频）：在每个空间轴上把每个值重复（或插值）`size` 次；通道数不变，没有权重。

示例：UpSampling3D(2) 把 (None, 4, 8, 8, 3) 映射为 (None, 8, 16, 16, 3)。</translation>
    </message>
    <message>
        <source>Adds rows of zeros around 1D (sequences) along each spatial axis; channels are unchanged and there are no weights.

Example: ZeroPadding1D(2) maps (None, 10, 8) to (None, 14, 8).</source>
        <translation>沿每个空间轴在一维数据（序列）两端补零（全零填充）；通道数不变，没有权重。

示例：ZeroPadding1D(2) 把 (None, 10, 8) 映射为 (None, 14, 8)。</translation>
    </message>
    <message>
        <source>Adds rows of zeros around 2D (images) along each spatial axis; channels are unchanged and there are no weights.

Example: ZeroPadding2D(2) maps (None, 28, 28, 1) to (None, 32, 32, 1), as in LeNet-5.</source>
        <translation>沿每个空间轴在二维数据（图像）四周补零（全零填充）；通道数不变，没有权重。

示例：ZeroPadding2D(2) 把 (None, 28, 28, 1) 映射为 (None, 32, 32, 1)，如 LeNet-5 中那样。</translation>
    </message>
    <message>
        <source>Adds rows of zeros around 3D (volumes or video) along each spatial axis; channels are unchanged and there are no weights.

Example: ZeroPadding3D(1) maps (None, 8, 8, 8, 3) to (None, 10, 10, 10, 3).</source>
        <translation>沿每个空间轴在三维数据（体数据或视频）各面补零（全零填充）；通道数不变，没有权重。

示例：ZeroPadding3D(1) 把 (None, 8, 8, 8, 3) 映射为 (None, 10, 10, 10, 3)。</translation>
    </message>
    <message>
        <source>Removes values at the borders of 1D (sequences) along each spatial axis; channels are unchanged and there are no weights.

Example: Cropping1D((1, 2)) maps (None, 10, 8) to (None, 7, 8).</source>
        <translation>沿每个空间轴去掉一维数据（序列）边缘的值；通道数不变，没有权重。

示例：Cropping1D((1, 2)) 把 (None, 10, 8) 映射为 (None, 7, 8)。</translation>
    </message>
    <message>
        <source>Removes values at the borders of 2D (images) along each spatial axis; channels are unchanged and there are no weights.

Example: Cropping2D(((2, 2), (4, 4))) maps (None, 28, 28, 3) to (None, 24, 20, 3).</source>
        <translation>沿每个空间轴去掉二维数据（图像）边缘的值；通道数不变，没有权重。

示例：Cropping2D(((2, 2), (4, 4))) 把 (None, 28, 28, 3) 映射为 (None, 24, 20, 3)。</translation>
    </message>
    <message>
        <source>Removes values at the borders of 3D (volumes or video) along each spatial axis; channels are unchanged and there are no weights.

Example: Cropping3D(1) maps (None, 8, 8, 8, 3) to (None, 6, 6, 6, 3).</source>
        <translation>沿每个空间轴去掉三维数据（体数据或视频）边缘的值；通道数不变，没有权重。

示例：Cropping3D(1) 把 (None, 8, 8, 8, 3) 映射为 (None, 6, 6, 6, 3)。</translation>
    </message>
    <message>
        <source>Multiplies its input by `scale` and adds `offset`, e.g. to bring pixel values from [0, 255] to [0, 1] inside the model.

Example: Rescaling(1/255) on (None, 32, 32, 3); Rescaling(1/127.5, offset=-1) gives [-1, 1].</source>
        <translation>把输入乘以 `scale` 再加上 `offset`，例如在模型内部把像素值从 [0, 255] 变换到 [0, 1]。

示例：Rescaling(1/255) 作用于 (None, 32, 32, 3)；Rescaling(1/127.5, offset=-1) 得到 [-1, 1]。</translation>
    </message>
    <message>
        <source>Resizes images to height × width, interpolating; optionally crops or pads first to keep the aspect ratio.

Example: Resizing(224, 224) maps (None, None, None, 3) to (None, 224, 224, 3).</source>
        <translation>用插值把图像缩放为 height × width；可先裁剪或填充以保持宽高比。

示例：Resizing(224, 224) 把 (None, None, None, 3) 映射为 (None, 224, 224, 3)。</translation>
    </message>
    <message>
        <source>Crops the central height × width window of each image.

Example: CenterCrop(224, 224) maps (None, 256, 256, 3) to (None, 224, 224, 3).</source>
        <translation>裁剪出每幅图像中央 height × width 的窗口。

示例：CenterCrop(224, 224) 把 (None, 256, 256, 3) 映射为 (None, 224, 224, 3)。</translation>
    </message>
    <message>
        <source>Flips images at random during training (left-right, up-down or both); does nothing at inference.

Example: RandomFlip(&apos;horizontal&apos;) for photos whose mirror image is as likely.</source>
        <translation>训练时随机翻转图像（左右、上下或两者）；推理时不起作用。

示例：对镜像与原图同样可能出现的照片使用 RandomFlip(&apos;horizontal&apos;)。</translation>
    </message>
    <message>
        <source>Rotates images by a random angle during training; factor is a fraction of a full turn (0.1 = up to ±36°).

Example: RandomRotation(0.1) keeps (None, 32, 32, 3).</source>
        <translation>训练时把图像旋转一个随机角度；factor 是整圈的比例（0.1 = 最多 ±36°）。

示例：RandomRotation(0.1) 保持形状 (None, 32, 32, 3)。</translation>
    </message>
    <message>
        <source>Zooms images in or out at random during training; the shape is kept.

Example: RandomZoom(0.2) zooms by up to ±20%.</source>
        <translation>训练时随机放大或缩小图像；形状保持不变。

示例：RandomZoom(0.2) 最多缩放 ±20%。</translation>
    </message>
    <message>
        <source>Shifts images at random during training by up to a fraction of their height and width.

Example: RandomTranslation(0.1, 0.1) shifts by up to 10% each way.</source>
        <translation>训练时随机平移图像，平移量最多为其高度和宽度的一定比例。

示例：RandomTranslation(0.1, 0.1) 在每个方向上最多平移 10%。</translation>
    </message>
    <message>
        <source>Changes the contrast of each image at random during training, by a factor drawn from [1 - lower, 1 + upper], then clips to value_range.

Example: RandomContrast(0.2) on pixel values in [0, 255].</source>
        <translation>训练时随机改变每幅图像的对比度，系数取自 [1 - lower, 1 + upper]，然后裁剪到 value_range 之内。

示例：对取值在 [0, 255] 的像素使用 RandomContrast(0.2)。</translation>
    </message>
    <message>
        <source>Maps integer features to contiguous indices of a vocabulary (learnt with adapt() or given), or encodes them as vectors.

Example: IntegerLookup(vocabulary=[12, 36, 1138]) maps 36 to 2 (0 and 1 are masked/unknown).</source>
        <translation>把整数特征映射为词表（用 adapt() 学得或直接给出）中连续的索引，或把它们编码为向量。

示例：IntegerLookup(vocabulary=[12, 36, 1138]) 把 36 映射为 2（0 和 1 表示掩码/未知）。</translation>
    </message>
    <message>
        <source>Maps string features to contiguous indices of a vocabulary (learnt with adapt() or given), or encodes them as vectors.

Example: StringLookup(vocabulary=[&apos;a&apos;, &apos;b&apos;, &apos;c&apos;]) maps &apos;b&apos; to 2 (&apos;[UNK]&apos; is 1).</source>
        <translation>把字符串特征映射为词表（用 adapt() 学得或直接给出）中连续的索引，或把它们编码为向量。

示例：StringLookup(vocabulary=[&apos;a&apos;, &apos;b&apos;, &apos;c&apos;]) 把 &apos;b&apos; 映射为 2（&apos;[UNK]&apos; 为 1）。</translation>
    </message>
    <message>
        <source>Turns strings into token indices (or vectors): standardizes, splits into words (and n-grams) and looks them up in a vocabulary learnt with adapt() or given.

Example: TextVectorization(max_tokens=20000, output_sequence_length=200) on (None, 1) strings gives (None, 200) indices.</source>
        <translation>把字符串变为词元（token）索引（或向量）：先标准化，再切分为单词（及 n-gram），然后在用 adapt() 学得或直接给出的词表中查找。

示例：TextVectorization(max_tokens=20000, output_sequence_length=200) 作用于 (None, 1) 的字符串时得到 (None, 200) 的索引。</translation>
    </message>
    <message>
        <source>Buckets continuous values into bins, by bin_boundaries (given, or learnt by adapt() for num_bins quantiles).

Example: Discretization(bin_boundaries=[0.0, 1.0, 2.0]) maps 1.5 to bin 2.</source>
        <translation>按 bin_boundaries（直接给出，或由 adapt() 按 num_bins 个分位数学得）把连续值分到各个区间（桶）。

示例：Discretization(bin_boundaries=[0.0, 1.0, 2.0]) 把 1.5 映射为区间 2。</translation>
    </message>
    <message>
        <source>Encodes integer categories in [0, num_tokens) as one-hot, multi-hot or count vectors.

Example: CategoryEncoding(num_tokens=4) maps [[0, 1], [3, 3]] to (None, 4) vectors.</source>
        <translation>把 [0, num_tokens) 中的整数类别编码为独热码、多热码或计数向量。

示例：CategoryEncoding(num_tokens=4) 把 [[0, 1], [3, 3]] 映射为 (None, 4) 的向量。</translation>
    </message>
    <message>
        <source>Hashes values (strings or integers) into num_bins bins, with no vocabulary to learn.

Example: Hashing(num_bins=3) maps each string to 0, 1 or 2.</source>
        <translation>把值（字符串或整数）哈希到 num_bins 个桶中，无需学习词表。

示例：Hashing(num_bins=3) 把每个字符串映射为 0、1 或 2。</translation>
    </message>
    <message>
        <source>A Keras layer the catalog does not declare, kept from an imported model with its full config; its shapes and weight counts come from Keras.</source>
        <translation>层目录中未声明的 Keras 层，从导入的模型中连同完整配置一起保留；其形状和权重数量由 Keras 给出。</translation>
    </message>
    <message>
        <source>A Keras operation used directly in a functional graph (such as x + y); it has no weights and is not a layer. Its shapes come from Keras.</source>
        <translation>在函数式计算图中直接使用的 Keras 运算（如 x + y）；它没有权重，也不是层。其形状由 Keras 给出。</translation>
    </message>
    <message>
        <source>Calls the layer of another node again on another input (shared weights). Its weights are counted once, on that node.</source>
        <translation>在另一个输入上再次调用另一个节点的层（共享权重）。其权重只计一次，计在那个节点上。</translation>
    </message>
    <message>
        <source>A custom layer of an imported model (the project&apos;s own class), kept with its config, weights and the shapes Keras recorded, without its code. Training, running or exporting it needs the Python module that defines the class, trusted for this document.</source>
        <translation>导入的模型中的自定义层（模型所属项目自己定义的类），保留其配置、权重和 Keras 记录的形状，但不含其代码。训练、运行或导出它需要定义该类的 Python 模块，且该模块须在本文档中被信任。</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The type of the wrapped layer. Params that still apply are kept; the others take the new type&apos;s defaults.</source>
        <translation>被包装的层的类型。仍然适用的参数会保留；其余参数取新类型的默认值。</translation>
    </message>
    <message>
        <source>Advanced: edit the wrapped layer as JSON</source>
        <translation>高级：以 JSON 编辑被包装的层</translation>
    </message>
</context>
<context>
    <name>LessonCardDelegate</name>
    <message>
        <source>{source} · {chapter}</source>
        <translation>{source} · {chapter}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Final value</source>
        <translation>最终值</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>From: {source}, {chapter}</source>
        <translation>出处：{source}，{chapter}</translation>
    </message>
    <message>
        <source>Expected: {metric} at most {threshold}</source>
        <translation>预期：{metric} 不高于 {threshold}</translation>
    </message>
    <message>
        <source>Expected: {metric} at least {threshold}</source>
        <translation>预期：{metric} 不低于 {threshold}</translation>
    </message>
    <message>
        <source>Expected: the best run&apos;s {metric} at most {threshold}</source>
        <translation>预期：最好一次运行的 {metric} 不高于 {threshold}</translation>
    </message>
    <message>
        <source>Expected: the best run&apos;s {metric} at least {threshold}</source>
        <translation>预期：最好一次运行的 {metric} 不低于 {threshold}</translation>
    </message>
    <message>
        <source>The notes print: {metric} {value} ({note})</source>
        <translation>笔记中的结果：{metric} {value}（{note}）</translation>
    </message>
    <message>
        <source>The notes train it on other data, so there is no printed result to compare with.</source>
        <translation>笔记用的是别的数据训练，因此没有可以对照的结果。</translation>
    </message>
    <message>
        <source>Press Train to train the lesson.</source>
        <translation>点击“训练”开始训练本课。</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>每轮的损失</translation>
    </message>
    <message>
        <source>{metric} per epoch</source>
        <translation>每轮的 {metric}</translation>
    </message>
    <message>
        <source>{metric} ≤ {threshold}</source>
        <translation>{metric} ≤ {threshold}</translation>
    </message>
    <message>
        <source>{metric} ≥ {threshold}</source>
        <translation>{metric} ≥ {threshold}</translation>
    </message>
    <message>
        <source>Preparing {run}…</source>
        <translation>正在准备 {run}…</translation>
    </message>
    <message>
        <source>Cannot train: {reason}</source>
        <translation>无法训练：{reason}</translation>
    </message>
    <message>
        <source>Training {run}…</source>
        <translation>正在训练 {run}…</translation>
    </message>
    <message>
        <source>Training {run}: epoch {epoch} of {epochs}</source>
        <translation>正在训练 {run}：第 {epoch} 轮，共 {epochs} 轮</translation>
    </message>
    <message>
        <source>{value} (met)</source>
        <translation>{value}（已达到）</translation>
    </message>
    <message>
        <source>{value} (not met)</source>
        <translation>{value}（未达到）</translation>
    </message>
    <message>
        <source>The run failed: {reason}</source>
        <translation>运行失败：{reason}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Best run: {run}, {metric} {value}: the expected result is reached.</source>
        <translation>最好的一次：{run}，{metric} {value}：达到了预期结果。</translation>
    </message>
    <message>
        <source>Best run: {run}, {metric} {value}: the expected result is not reached.</source>
        <translation>最好的一次：{run}，{metric} {value}：没有达到预期结果。</translation>
    </message>
    <message>
        <source>Result: {metric} {value}: the expected result is reached.</source>
        <translation>结果：{metric} {value}：达到了预期结果。</translation>
    </message>
    <message>
        <source>Result: {metric} {value}: the expected result is not reached.</source>
        <translation>结果：{metric} {value}：没有达到预期结果。</translation>
    </message>
    <message>
        <source>The notes print {metric} {course}; this run: {value}.</source>
        <translation>笔记中的 {metric} 为 {course}；本次运行：{value}。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <source>train (batch)</source>
        <translation>训练集（每批）</translation>
    </message>
    <message>
        <source>train (epoch)</source>
        <translation>训练集（每轮）</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Segment {number} from epoch {epoch}</source>
        <translation>第 {number} 段，从第 {epoch} 轮开始</translation>
    </message>
    <message>
        <source>carried: {layers}</source>
        <translation>沿用：{layers}</translation>
    </message>
    <message>
        <source>transformed: {layers}</source>
        <translation>变换：{layers}</translation>
    </message>
    <message>
        <source>reinitialised: {layers}</source>
        <translation>重新初始化：{layers}</translation>
    </message>
    <message>
        <source>removed: {layers}</source>
        <translation>删除：{layers}</translation>
    </message>
    <message>
        <source>Which metric the right plot shows</source>
        <translation>右侧图显示哪个评测指标</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Exponential moving average of the batch values ({factor})</source>
        <translation>对每批的值做指数滑动平均（{factor}）</translation>
    </message>
    <message>
        <source>Per batch</source>
        <translation>每批</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Applied: {fix}</source>
        <translation>已应用：{fix}</translation>
    </message>
    <message>
        <source>NeuroCanvas documents (*.json);;All files (*)</source>
        <translation>NeuroCanvas 文档 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Documents and Keras models (*.json {models});;NeuroCanvas documents (*.json);;Keras models ({models});;All files (*)</source>
        <translation>文档和 Keras 模型 (*.json {models});;NeuroCanvas 文档 (*.json);;Keras 模型 ({models});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Keras models ({models});;All files (*)</source>
        <translation>Keras 模型 ({models});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New from &amp;Preset…</source>
        <translation>从预设新建(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a document (.json) or a Keras model (.keras, .h5)</source>
        <translation>打开文档（.json）或 Keras 模型（.keras、.h5）</translation>
    </message>
    <message>
        <source>Keras &amp;Model File…</source>
        <translation>Keras 模型文件(&amp;M)…</translation>
    </message>
    <message>
        <source>Import a .keras or .h5 model, weights included</source>
        <translation>导入 .keras 或 .h5 模型，连同权重</translation>
    </message>
    <message>
        <source>Keras &amp;Application…</source>
        <translation>Keras 应用模型(&amp;A)…</translation>
    </message>
    <message>
        <source>Import an architecture of keras.applications by name</source>
        <translation>按名称导入 keras.applications 中的网络结构</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;Python Script…</source>
        <translation>导出 Python 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;Keras Model…</source>
        <translation>导出 Keras 模型(&amp;K)…</translation>
    </message>
    <message>
        <source>Export Diagram as P&amp;NG…</source>
        <translation>将网络图导出为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Export Diagram as S&amp;VG…</source>
        <translation>将网络图导出为 SVG(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>部署(&amp;D)…</translation>
    </message>
    <message>
        <source>Export a trained network to TFLite, ONNX or SavedModel, each checked against Keras</source>
        <translation>把训练好的网络导出为 TFLite、ONNX 或 SavedModel，并逐一与 Keras 的结果核对</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>制作副本(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add Layer…</source>
        <translation>添加层(&amp;A)…</translation>
    </message>
    <message>
        <source>Add &amp;Branch…</source>
        <translation>添加分支(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Group Selection…</source>
        <translation>将所选编为分组(&amp;G)…</translation>
    </message>
    <message>
        <source>U&amp;ngroup</source>
        <translation>取消分组(&amp;N)</translation>
    </message>
    <message>
        <source>Auto-&amp;Layout</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>缩放到适合(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Collapse All Groups</source>
        <translation>折叠所有分组(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Expand All Groups</source>
        <translation>展开所有分组(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>E&amp;xperiments</source>
        <translation>实验(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Connection refused: {reason}</source>
        <translation>无法连线：{reason}</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>未接受：{reason}</translation>
    </message>
    <message>
        <source>{document}[*] — NeuroCanvas</source>
        <translation>{document}[*] — NeuroCanvas</translation>
    </message>
    <message>
        <source>Cannot open preset</source>
        <translation>无法打开预设</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <source>Imported {model}: {count} layers ({notes})</source>
        <translation>已导入 {model}：{count} 层（{notes}）</translation>
    </message>
    <message>
        <source>Imported {model}: {count} layers</source>
        <translation>已导入 {model}：{count} 层</translation>
    </message>
    <message>
        <source>Import a Keras model</source>
        <translation>导入 Keras 模型</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Export Python script</source>
        <translation>导出 Python 脚本</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>Export Keras model</source>
        <translation>导出 Keras 模型</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>The network has errors; fix them first (see Problems).</source>
        <translation>网络中有错误，请先修正（见“问题”面板）。</translation>
    </message>
    <message>
        <source>Waiting for TensorFlow to finish loading; the model is exported then…</source>
        <translation>正在等待 TensorFlow 加载完成，之后导出模型…</translation>
    </message>
    <message>
        <source>Exporting {file}…</source>
        <translation>正在导出 {file}…</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>导出网络图</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Cannot keep a recovery copy</source>
        <translation>无法保存恢复副本</translation>
    </message>
    <message>
        <source>The recovery copy of your work could not be written ({reason}). Your document is still open; save it to a place with free space. NeuroCanvas keeps trying and tells you once.</source>
        <translation>无法写入你的工作的恢复副本（{reason}）。文档仍然打开着，请把它保存到有空闲空间的位置。NeuroCanvas 会继续尝试，这个提示只出现一次。</translation>
    </message>
    <message>
        <source>Copied {count} layers</source>
        <translation>已复制 {count} 个层</translation>
    </message>
    <message>
        <source>Copied 1 layer</source>
        <translation>已复制 1 个层</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <source>Nothing to paste</source>
        <translation>没有可粘贴的内容</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>制作副本</translation>
    </message>
    <message>
        <source>Widen {layer} ×2 (same outputs)</source>
        <translation>将 {layer} 加宽 ×2（输出不变）</translation>
    </message>
    <message>
        <source>Deepen after {layer} (identity layer)</source>
        <translation>在 {layer} 之后加深（恒等层）</translation>
    </message>
    <message>
        <source>{description}; Continue goes on from these weights.</source>
        <translation>{description}；“继续”将从这些权重接着训练。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Name of the new group:</source>
        <translation>新分组的名称：</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>取消分组</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message>
        <source>The interface&apos;s language changes when NeuroCanvas starts again.</source>
        <translation>界面语言将在 NeuroCanvas 下次启动时更改。</translation>
    </message>
    <message>
        <source>Save the changes to “{document}” before closing it?</source>
        <translation>关闭前保存对“{document}”的修改吗？</translation>
    </message>
    <message>
        <source>“{document}” has training runs that are kept with the document once it is saved (unsaved, they are removed after a week). Save it before closing it?</source>
        <translation>“{document}”有训练记录，文档保存后会随文档一起保留（不保存的话，一周后删除）。关闭前保存它吗？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Open a document or a Keras model</source>
        <translation>打开文档或 Keras 模型</translation>
    </message>
</context>
<context>
    <name>MistakesView</name>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Grad-CAM of the predicted class</source>
        <translation>预测类别的 Grad-CAM</translation>
    </message>
    <message>
        <source>saliency of the predicted class</source>
        <translation>预测类别的显著性图</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>精确率–召回率</translation>
    </message>
    <message>
        <source>Residuals vs prediction</source>
        <translation>残差与预测值</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>actual − predicted</source>
        <translation>真实值 − 预测值</translation>
    </message>
    <message>
        <source>MAE {mae} · RMSE {rmse} · R² {r2} on {samples} validation samples</source>
        <translation>MAE {mae} · RMSE {rmse} · R² {r2}（{samples} 个验证样本）</translation>
    </message>
    <message>
        <source>accuracy {accuracy} on {samples} validation samples · macro F1 {f1}</source>
        <translation>{samples} 个验证样本上的准确率 {accuracy} · 宏平均 F1 {f1}</translation>
    </message>
    <message>
        <source>sample {index}: label {label}, predicted {predicted} with {confidence} ({method})</source>
        <translation>样本 {index}：标签 {label}，以 {confidence} 的置信度预测为 {predicted}（{method}）</translation>
    </message>
    <message>
        <source>ROC (AUC {auc})</source>
        <translation>ROC（AUC {auc}）</translation>
    </message>
    <message>
        <source>Precision–recall (AP {ap})</source>
        <translation>精确率–召回率（AP {ap}）</translation>
    </message>
    <message>
        <source>{wrong} wrong; the {shown} most confident are shown with the map of the class they were taken for.</source>
        <translation>{wrong} 个预测错误；显示置信度最高的 {shown} 个，并附上被误判类别的归因图。</translation>
    </message>
</context>
<context>
    <name>ModelImport</name>
    <message>
        <source>Loading TensorFlow to import {model}…</source>
        <translation>正在加载 TensorFlow 以导入 {model}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Reading {model} and converting its layers…</source>
        <translation>正在读取 {model} 并转换它的层…</translation>
    </message>
    <message>
        <source>{reason}, so {model} cannot be imported.</source>
        <translation>{reason}，因此无法导入 {model}。</translation>
    </message>
    <message>
        <source>{layer} ×{count} kept as a generic Keras layer</source>
        <translation>{layer} ×{count} 作为通用 Keras 层保留</translation>
    </message>
    <message>
        <source>Output shape of a custom layer</source>
        <translation>自定义层的输出形状</translation>
    </message>
    <message>
        <source>The file does not record the output shape of {layer} ({cls}), a custom layer kept without its code.
Its output shape, batch axis first (e.g. None,64,48):</source>
        <translation>文件中没有记录 {layer}（{cls}）的输出形状，这是一个未附带代码的自定义层。
请输入它的输出形状，批维度在前（例如 None,64,48）：</translation>
    </message>
    <message>
        <source>Reading {model} again…</source>
        <translation>正在重新读取 {model}…</translation>
    </message>
    <message>
        <source>Cannot import {model}</source>
        <translation>无法导入 {model}</translation>
    </message>
    <message>
        <source>Import of {model} cancelled</source>
        <translation>已取消导入 {model}</translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <source>shape unknown</source>
        <translation>形状未知</translation>
    </message>
    <message>
        <source>output {shape} · {params} params · {macs} MACs</source>
        <translation>输出 {shape} · 参数量 {params} · 乘加 {macs} MACs</translation>
    </message>
    <message>
        <source>{shape}&lt;br&gt;&lt;i&gt;Drag either end to another port to reconnect it.&lt;/i&gt;</source>
        <translation>{shape}&lt;br&gt;&lt;i&gt;把任一端拖到另一个端口即可重新连线。&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>NodeSubtitle</name>
    <message>
        <source>1 unit</source>
        <translation>1 个单元</translation>
    </message>
    <message>
        <source>{count} units</source>
        <translation>{count} 个单元</translation>
    </message>
    <message>
        <source>stride {value}</source>
        <translation>步长 {value}</translation>
    </message>
    <message>
        <source>pad {value}</source>
        <translation>填充 {value}</translation>
    </message>
    <message>
        <source>{count} filters {kernel}</source>
        <translation>{count} 个卷积核 {kernel}</translation>
    </message>
    <message>
        <source>{count} filters</source>
        <translation>{count} 个卷积核</translation>
    </message>
    <message>
        <source>rate {value}</source>
        <translation>比例 {value}</translation>
    </message>
    <message>
        <source>kernel {value}</source>
        <translation>卷积核 {value}</translation>
    </message>
    <message>
        <source>returns sequences</source>
        <translation>返回序列</translation>
    </message>
    <message>
        <source>returns state</source>
        <translation>返回状态</translation>
    </message>
    <message>
        <source>keeps dims</source>
        <translation>保留维度</translation>
    </message>
    <message>
        <source>pool {value}</source>
        <translation>池化 {value}</translation>
    </message>
    <message>
        <source>shape {value}</source>
        <translation>形状 {value}</translation>
    </message>
    <message>
        <source>to {value}</source>
        <translation>变为 {value}</translation>
    </message>
    <message>
        <source>axes {value}</source>
        <translation>轴 {value}</translation>
    </message>
    <message>
        <source>repeat {count}×</source>
        <translation>重复 {count} 次</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} 个词</translation>
    </message>
    <message>
        <source>{count}-d vectors</source>
        <translation>{count} 维向量</translation>
    </message>
    <message>
        <source>{count} heads</source>
        <translation>{count} 个头</translation>
    </message>
    <message>
        <source>key size {value}</source>
        <translation>键维度 {value}</translation>
    </message>
    <message>
        <source>merge by {mode}</source>
        <translation>合并方式 {mode}</translation>
    </message>
    <message>
        <source>{count} groups</source>
        <translation>{count} 组</translation>
    </message>
    <message>
        <source>crop {value}</source>
        <translation>裁剪 {value}</translation>
    </message>
    <message>
        <source>axis {value}</source>
        <translation>轴 {value}</translation>
    </message>
    <message>
        <source>max {value}</source>
        <translation>最大值 {value}</translation>
    </message>
    <message>
        <source>slope {value}</source>
        <translation>斜率 {value}</translation>
    </message>
    <message>
        <source>{count} high</source>
        <translation>高 {count}</translation>
    </message>
    <message>
        <source>{count} wide</source>
        <translation>宽 {count}</translation>
    </message>
    <message>
        <source>{mode} scores</source>
        <translation>{mode} 打分</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Search layers…</source>
        <translation>搜索层…</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>{param} must be a whole number from {low} to {high}.</source>
        <translation>{param} 必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>e.g. 3 or 3, 3</source>
        <translation>例如 3 或 3, 3</translation>
    </message>
    <message>
        <source>e.g. 28, 28, 1</source>
        <translation>例如 28, 28, 1</translation>
    </message>
    <message>
        <source>e.g. 2, 1</source>
        <translation>例如 2, 1</translation>
    </message>
    <message>
        <source>e.g. -1</source>
        <translation>例如 -1</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数</translation>
    </message>
    <message>
        <source>an integer or None</source>
        <translation>整数或 None</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Reset {param} to the Keras default</source>
        <translation>将 {param} 恢复为 Keras 默认值</translation>
    </message>
    <message>
        <source>empty = default / whole run</source>
        <translation>留空 = 默认 / 整个训练过程</translation>
    </message>
</context>
<context>
    <name>ParamHelp</name>
    <message>
        <source>Shape of one sample, without the batch axis; null for a variable size.</source>
        <translation>单个样本的形状，不含批维度；大小可变的轴写 null。</translation>
    </message>
    <message>
        <source>Fixed batch size; usually left empty.</source>
        <translation>固定的批大小；通常留空。</translation>
    </message>
    <message>
        <source>Data type of the input tensor (float32 when empty).</source>
        <translation>输入张量的数据类型（留空时为 float32）。</translation>
    </message>
    <message>
        <source>Whether the input is a sparse tensor.</source>
        <translation>输入是否为稀疏张量。</translation>
    </message>
    <message>
        <source>Number of output units.</source>
        <translation>输出单元（神经元）的个数。</translation>
    </message>
    <message>
        <source>Activation applied to the output; None means linear.</source>
        <translation>作用于输出的激活函数；None 表示线性。</translation>
    </message>
    <message>
        <source>Whether the layer adds a learned bias vector.</source>
        <translation>该层是否加上可学习的偏置向量。</translation>
    </message>
    <message>
        <source>Initializer for kernel.</source>
        <translation>kernel（权重）的初始化器。</translation>
    </message>
    <message>
        <source>Initializer for bias.</source>
        <translation>bias（偏置）的初始化器。</translation>
    </message>
    <message>
        <source>Penalty on kernel (l1, l2 or l1_l2).</source>
        <translation>对 kernel 的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Penalty on bias (l1, l2 or l1_l2).</source>
        <translation>对 bias 的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Penalty on activity (l1, l2 or l1_l2).</source>
        <translation>对激活值（输出）的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Constraint on kernel after each update.</source>
        <translation>每次更新后施加在 kernel 上的约束。</translation>
    </message>
    <message>
        <source>Constraint on bias after each update.</source>
        <translation>每次更新后施加在 bias 上的约束。</translation>
    </message>
    <message>
        <source>Axis order of image inputs.</source>
        <translation>图像输入的轴顺序。</translation>
    </message>
    <message>
        <source>The activation function, e.g. &apos;relu&apos;, &apos;sigmoid&apos;, &apos;softmax&apos;.</source>
        <translation>激活函数，例如 &apos;relu&apos;、&apos;sigmoid&apos;、&apos;softmax&apos;。</translation>
    </message>
    <message>
        <source>Fraction of the input units to drop, in [0, 1).</source>
        <translation>要舍弃的输入单元的比例，取值在 [0, 1) 内。</translation>
    </message>
    <message>
        <source>Shape of the dropout mask, batch axis first; 1 on an axis shares the mask along it.</source>
        <translation>舍弃掩码的形状，第一个轴为批维度；某个轴上写 1 表示沿该轴共用同一掩码。</translation>
    </message>
    <message>
        <source>Random seed for reproducible masks.</source>
        <translation>随机种子，使掩码可以复现。</translation>
    </message>
    <message>
        <source>Shape of one output sample, without the batch axis; one entry may be -1.</source>
        <translation>单个输出样本的形状，不含批维度；可以有一项为 -1。</translation>
    </message>
    <message>
        <source>New order of the non-batch axes, numbered from 1, e.g. (2, 1).</source>
        <translation>批维度以外各轴的新顺序，从 1 开始编号，例如 (2, 1)。</translation>
    </message>
    <message>
        <source>Number of repetitions (output time steps).</source>
        <translation>重复次数（输出的时间步数）。</translation>
    </message>
    <message>
        <source>Vocabulary size: the largest index + 1 (+1 more if mask_zero).</source>
        <translation>词表大小：最大索引 + 1（若 mask_zero 则再 + 1）。</translation>
    </message>
    <message>
        <source>Size of each embedding vector.</source>
        <translation>每个词嵌入向量的长度。</translation>
    </message>
    <message>
        <source>Initializer for the embedding matrix.</source>
        <translation>词嵌入矩阵的初始化器。</translation>
    </message>
    <message>
        <source>Penalty on embeddings (l1, l2 or l1_l2).</source>
        <translation>对词嵌入的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Constraint on embeddings after each update.</source>
        <translation>每次更新后施加在词嵌入上的约束。</translation>
    </message>
    <message>
        <source>Treat index 0 as padding and pass a mask to the following layers (RNNs).</source>
        <translation>把索引 0 当作填充，并向后续的层（循环层）传递掩码。</translation>
    </message>
    <message>
        <source>Steps whose features all equal this value are skipped.</source>
        <translation>所有特征都等于该值的时间步会被跳过。</translation>
    </message>
    <message>
        <source>Number of output channels (kernels).</source>
        <translation>输出通道数（卷积核个数）。</translation>
    </message>
    <message>
        <source>Window size, an int or 1 ints (steps).</source>
        <translation>窗口大小：一个整数，或由 1 个整数组成的元组（步）。</translation>
    </message>
    <message>
        <source>Step of the window along each axis.</source>
        <translation>窗口沿每个轴移动的步长。</translation>
    </message>
    <message>
        <source>&apos;valid&apos;: no padding, the output shrinks; &apos;same&apos;: pad so that output = ceil(input / strides); &apos;causal&apos;: pad only the start, so step t never sees later steps.</source>
        <translation>&apos;valid&apos;：不填充，输出变小；&apos;same&apos;：全零填充，使输出 = ceil(输入 / strides)；&apos;causal&apos;：只在开头填充，使第 t 步永远看不到之后的步。</translation>
    </message>
    <message>
        <source>Axis order: channels_last (batch, ..., channels) or channels_first (batch, channels, ...); empty means channels_last.</source>
        <translation>轴顺序：channels_last (batch, ..., channels) 或 channels_first (batch, channels, ...)；留空表示 channels_last。</translation>
    </message>
    <message>
        <source>Spacing between kernel taps (atrous convolution); cannot combine with strides &gt; 1.</source>
        <translation>卷积核各采样点之间的间隔（空洞卷积）；不能与 strides &gt; 1 同时使用。</translation>
    </message>
    <message>
        <source>Split input channels and filters into this many independent groups.</source>
        <translation>把输入通道和卷积核分成这么多个相互独立的组。</translation>
    </message>
    <message>
        <source>Window size, an int or 2 ints (height × width).</source>
        <translation>窗口大小：一个整数，或由 2 个整数组成的元组（高 × 宽）。</translation>
    </message>
    <message>
        <source>&apos;valid&apos;: no padding, the output shrinks; &apos;same&apos;: pad so that output = ceil(input / strides).</source>
        <translation>&apos;valid&apos;：不填充，输出变小；&apos;same&apos;：全零填充，使输出 = ceil(输入 / strides)。</translation>
    </message>
    <message>
        <source>Window size, an int or 3 ints (depth × height × width).</source>
        <translation>窗口大小：一个整数，或由 3 个整数组成的元组（深 × 高 × 宽）。</translation>
    </message>
    <message>
        <source>Number of output channels.</source>
        <translation>输出通道数。</translation>
    </message>
    <message>
        <source>Upsampling factor along each axis.</source>
        <translation>沿每个轴的上采样倍数。</translation>
    </message>
    <message>
        <source>Extra size added to one side of the output (each &lt; strides); empty lets Keras choose.</source>
        <translation>在输出的一侧额外增加的大小（每个都须 &lt; strides）；留空由 Keras 决定。</translation>
    </message>
    <message>
        <source>Spacing between kernel taps; cannot combine with strides &gt; 1.</source>
        <translation>卷积核各采样点之间的间隔；不能与 strides &gt; 1 同时使用。</translation>
    </message>
    <message>
        <source>Number of output channels of the pointwise (1×1) step.</source>
        <translation>逐点（1×1）卷积这一步的输出通道数。</translation>
    </message>
    <message>
        <source>Output channels per input channel of the depthwise step.</source>
        <translation>逐深度卷积这一步中每个输入通道对应的输出通道数。</translation>
    </message>
    <message>
        <source>Initializer for depthwise.</source>
        <translation>depthwise（逐深度卷积核）的初始化器。</translation>
    </message>
    <message>
        <source>Initializer for pointwise.</source>
        <translation>pointwise（逐点卷积核）的初始化器。</translation>
    </message>
    <message>
        <source>Penalty on depthwise (l1, l2 or l1_l2).</source>
        <translation>对 depthwise 的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Penalty on pointwise (l1, l2 or l1_l2).</source>
        <translation>对 pointwise 的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Constraint on depthwise after each update.</source>
        <translation>每次更新后施加在 depthwise 上的约束。</translation>
    </message>
    <message>
        <source>Constraint on pointwise after each update.</source>
        <translation>每次更新后施加在 pointwise 上的约束。</translation>
    </message>
    <message>
        <source>Step of the window; empty means pool_size (windows that do not overlap).</source>
        <translation>窗口移动的步长；留空表示等于 pool_size（窗口互不重叠）。</translation>
    </message>
    <message>
        <source>Keep the pooled axes with size 1 (e.g. (None, 1, 1, C)) instead of dropping them.</source>
        <translation>保留被池化的轴，其大小为 1（例如 (None, 1, 1, C)），而不是去掉它们。</translation>
    </message>
    <message>
        <source>The feature axis normalized separately (usually the channel axis, -1).</source>
        <translation>分别做标准化的特征轴（通常是通道轴，-1）。</translation>
    </message>
    <message>
        <source>Momentum of the moving mean and variance.</source>
        <translation>滑动均值和方差的动量。</translation>
    </message>
    <message>
        <source>Small constant added to the variance to avoid dividing by zero.</source>
        <translation>加到方差上的小常数，避免除以零。</translation>
    </message>
    <message>
        <source>Whether to add the learned offset beta.</source>
        <translation>是否加上可学习的偏移因子 beta。</translation>
    </message>
    <message>
        <source>Whether to multiply by the learned scale gamma.</source>
        <translation>是否乘以可学习的缩放因子 gamma。</translation>
    </message>
    <message>
        <source>Initializer for beta.</source>
        <translation>beta 的初始化器。</translation>
    </message>
    <message>
        <source>Initializer for gamma.</source>
        <translation>gamma 的初始化器。</translation>
    </message>
    <message>
        <source>Penalty on beta (l1, l2 or l1_l2).</source>
        <translation>对 beta 的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Penalty on gamma (l1, l2 or l1_l2).</source>
        <translation>对 gamma 的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Constraint on beta after each update.</source>
        <translation>每次更新后施加在 beta 上的约束。</translation>
    </message>
    <message>
        <source>Constraint on gamma after each update.</source>
        <translation>每次更新后施加在 gamma 上的约束。</translation>
    </message>
    <message>
        <source>Initializer for moving_mean.</source>
        <translation>moving_mean 的初始化器。</translation>
    </message>
    <message>
        <source>Initializer for moving_variance.</source>
        <translation>moving_variance 的初始化器。</translation>
    </message>
    <message>
        <source>Use batch renormalization (three more non-trainable vectors).</source>
        <translation>使用批再标准化（另加三个不可训练的向量）。</translation>
    </message>
    <message>
        <source>Batch renormalization clipping: {&apos;rmax&apos;, &apos;rmin&apos;, &apos;dmax&apos;}.</source>
        <translation>批再标准化的截断范围：{&apos;rmax&apos;, &apos;rmin&apos;, &apos;dmax&apos;}。</translation>
    </message>
    <message>
        <source>Momentum of the batch renormalization statistics.</source>
        <translation>批再标准化统计量的动量。</translation>
    </message>
    <message>
        <source>Synchronize the statistics across devices (TensorFlow only).</source>
        <translation>在多个设备之间同步统计量（仅限 TensorFlow）。</translation>
    </message>
    <message>
        <source>Axis or axes normalized together (-1: the features).</source>
        <translation>一起做标准化的轴（-1：特征轴）。</translation>
    </message>
    <message>
        <source>Number of channel groups; must divide the channels (-1: one per channel).</source>
        <translation>通道分组的组数；必须能整除通道数（-1：每个通道一组）。</translation>
    </message>
    <message>
        <source>The channel axis.</source>
        <translation>通道轴。</translation>
    </message>
    <message>
        <source>Axis or axes with separate statistics (-1: per feature); null for one mean and variance overall.</source>
        <translation>各自有统计量的轴（-1：每个特征分别统计）；写 null 则整体只有一个均值和方差。</translation>
    </message>
    <message>
        <source>Fixed mean: a number or one value per entry of the kept axis; empty to learn it with adapt().</source>
        <translation>固定的均值：一个数，或保留轴上每一项一个值；留空则用 adapt() 学得。</translation>
    </message>
    <message>
        <source>Fixed variance, same shape as mean.</source>
        <translation>固定的方差，形状与 mean 相同。</translation>
    </message>
    <message>
        <source>Apply the inverse transformation (de-normalize outputs).</source>
        <translation>做逆变换（把输出反标准化）。</translation>
    </message>
    <message>
        <source>Fraction of the channels (whole feature maps) to drop, in [0, 1).</source>
        <translation>要舍弃的通道（整张特征图）的比例，取值在 [0, 1) 内。</translation>
    </message>
    <message>
        <source>Random seed; empty for a different one each run.</source>
        <translation>随机种子；留空则每次运行都不同。</translation>
    </message>
    <message>
        <source>Axis order of the input (channels_last when empty).</source>
        <translation>输入的轴顺序（留空时为 channels_last）。</translation>
    </message>
    <message>
        <source>Standard deviation of the noise; Keras accepts values in [0, 1].</source>
        <translation>噪声的标准差；Keras 接受 [0, 1] 内的值。</translation>
    </message>
    <message>
        <source>Drop probability as for Dropout, in [0, 1).</source>
        <translation>与 Dropout 相同的舍弃概率，取值在 [0, 1) 内。</translation>
    </message>
    <message>
        <source>Shape of the dropout mask, batch axis first; 1 shares it along an axis, null follows the input.</source>
        <translation>舍弃掩码的形状，第一个轴为批维度；某个轴上写 1 表示沿该轴共用，写 null 表示与输入一致。</translation>
    </message>
    <message>
        <source>L1 penalty factor on the activations.</source>
        <translation>对激活值的 L1 正则化系数。</translation>
    </message>
    <message>
        <source>L2 penalty factor on the activations.</source>
        <translation>对激活值的 L2 正则化系数。</translation>
    </message>
    <message>
        <source>Upper bound of the output; empty for none.</source>
        <translation>输出的上限；留空表示没有上限。</translation>
    </message>
    <message>
        <source>Slope below the threshold (0: plain ReLU).</source>
        <translation>低于阈值部分的斜率（0：普通 ReLU）。</translation>
    </message>
    <message>
        <source>Inputs below this value are damped by negative_slope.</source>
        <translation>低于该值的输入按 negative_slope 衰减。</translation>
    </message>
    <message>
        <source>Slope for negative inputs.</source>
        <translation>负输入部分的斜率。</translation>
    </message>
    <message>
        <source>Initializer for the slopes alpha.</source>
        <translation>斜率 alpha 的初始化器。</translation>
    </message>
    <message>
        <source>Penalty on alpha (l1, l2 or l1_l2).</source>
        <translation>对 alpha 的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Constraint on alpha after each update.</source>
        <translation>每次更新后施加在 alpha 上的约束。</translation>
    </message>
    <message>
        <source>Axes (from 1) along which one slope is shared; empty for a slope per value.</source>
        <translation>共用同一斜率的轴（从 1 开始编号）；留空则每个值各有一个斜率。</translation>
    </message>
    <message>
        <source>Scale of the negative part.</source>
        <translation>负值部分的缩放系数。</translation>
    </message>
    <message>
        <source>Axis (or axes) along which the values sum to 1.</source>
        <translation>值在其上求和为 1 的轴（一个或多个）。</translation>
    </message>
    <message>
        <source>Size of the output and of the hidden state.</source>
        <translation>输出和记忆体（隐藏状态）的维度，即记忆体个数。</translation>
    </message>
    <message>
        <source>Activation of the output and the hidden state.</source>
        <translation>输出和记忆体（隐藏状态）的激活函数。</translation>
    </message>
    <message>
        <source>Initializer for the input kernel.</source>
        <translation>输入的 kernel（输入权重矩阵）的初始化器。</translation>
    </message>
    <message>
        <source>Initializer for the recurrent kernel.</source>
        <translation>循环核（recurrent_kernel，记忆体权重矩阵）的初始化器。</translation>
    </message>
    <message>
        <source>Penalty on recurrent (l1, l2 or l1_l2).</source>
        <translation>对 recurrent（循环核）的正则化（l1、l2 或 l1_l2）。</translation>
    </message>
    <message>
        <source>Constraint on recurrent after each update.</source>
        <translation>每次更新后施加在 recurrent（循环核）上的约束。</translation>
    </message>
    <message>
        <source>Fraction of the inputs dropped during training, in [0, 1).</source>
        <translation>训练时舍弃的输入比例，取值在 [0, 1) 内。</translation>
    </message>
    <message>
        <source>Fraction of the recurrent state dropped during training, in [0, 1).</source>
        <translation>训练时舍弃的循环状态（记忆体）比例，取值在 [0, 1) 内。</translation>
    </message>
    <message>
        <source>Return the output of every time step (batch, timesteps, units) rather than only the last one (batch, units). Needed when another recurrent layer follows.</source>
        <translation>返回每个时间步的输出 (batch, timesteps, units)，而不只是最后一个时间步的输出 (batch, units)。后面再接循环层时需要打开。</translation>
    </message>
    <message>
        <source>Also return the final state as extra outputs.</source>
        <translation>另外把最终状态作为额外的输出返回。</translation>
    </message>
    <message>
        <source>Read the sequence backwards (and return the reversed output sequence).</source>
        <translation>反向读取序列（并返回反向的输出序列）。</translation>
    </message>
    <message>
        <source>Keep the last state of each sample as the initial state of the same sample in the next batch; needs a fixed batch size.</source>
        <translation>把每个样本的最后状态作为下一批中同一样本的初始状态；需要固定的批大小。</translation>
    </message>
    <message>
        <source>Unroll the time loop: faster for short sequences, more memory; needs a fixed number of time steps.</source>
        <translation>把时间循环展开：短序列更快，但更占内存；需要固定的时间步数。</translation>
    </message>
    <message>
        <source>Random seed for dropout.</source>
        <translation>舍弃所用的随机种子。</translation>
    </message>
    <message>
        <source>Activation of the output and of the candidate state.</source>
        <translation>输出和候选状态的激活函数。</translation>
    </message>
    <message>
        <source>Activation of the gates.</source>
        <translation>各个门的激活函数。</translation>
    </message>
    <message>
        <source>Add 1 to the forget-gate bias at initialisation.</source>
        <translation>初始化时给遗忘门的偏置加 1。</translation>
    </message>
    <message>
        <source>Also return the final states h and c as extra outputs.</source>
        <translation>另外把最终状态 h 和 c 作为额外的输出返回。</translation>
    </message>
    <message>
        <source>Apply the reset gate after the matrix multiplication (the cuDNN-compatible form, with two bias vectors).</source>
        <translation>在矩阵乘法之后再施加重置门（与 cuDNN 兼容的形式，有两个偏置向量）。</translation>
    </message>
    <message>
        <source>The recurrent layer to run in both directions, e.g. {&apos;type&apos;: &apos;LSTM&apos;, &apos;params&apos;: {&apos;units&apos;: 32}}.</source>
        <translation>要在两个方向上运行的循环层，例如 {&apos;type&apos;: &apos;LSTM&apos;, &apos;params&apos;: {&apos;units&apos;: 32}}。</translation>
    </message>
    <message>
        <source>How the two directions are combined: concat, sum, mul, ave, or None for two separate outputs.</source>
        <translation>两个方向的结果如何合并：concat、sum、mul、ave，或 None 表示两个独立的输出。</translation>
    </message>
    <message>
        <source>A different recurrent layer for the backward direction (go_backwards=True); by default a copy of layer.</source>
        <translation>反向（go_backwards=True）使用的另一个循环层；默认是 layer 的副本。</translation>
    </message>
    <message>
        <source>The layer applied at each time step, e.g. {&apos;type&apos;: &apos;Dense&apos;, &apos;params&apos;: {&apos;units&apos;: 32}}.</source>
        <translation>在每个时间步上施加的层，例如 {&apos;type&apos;: &apos;Dense&apos;, &apos;params&apos;: {&apos;units&apos;: 32}}。</translation>
    </message>
    <message>
        <source>Learn a scalar that scales the scores.</source>
        <translation>学习一个标量来缩放注意力分数。</translation>
    </message>
    <message>
        <source>How scores are computed: &apos;dot&apos; (query · key) or &apos;concat&apos; (tanh of query + key).</source>
        <translation>注意力分数的计算方式：&apos;dot&apos;（query · key）或 &apos;concat&apos;（对 query + key 取 tanh）。</translation>
    </message>
    <message>
        <source>Fraction of the attention weights dropped during training, in [0, 1).</source>
        <translation>训练时舍弃的注意力权重比例，取值在 [0, 1) 内。</translation>
    </message>
    <message>
        <source>Also output the attention weights (a second output port).</source>
        <translation>另外输出注意力权重（第二个输出端口）。</translation>
    </message>
    <message>
        <source>Mask future positions so step t only attends to steps ≤ t (decoder self-attention).</source>
        <translation>遮住未来的位置，使第 t 步只关注 ≤ t 的步（解码器的自注意力）。</translation>
    </message>
    <message>
        <source>Learn a per-feature scale of the scores.</source>
        <translation>为每个特征学习一个注意力分数的缩放系数。</translation>
    </message>
    <message>
        <source>Number of attention heads.</source>
        <translation>注意力头的个数。</translation>
    </message>
    <message>
        <source>Size of each head for query and key.</source>
        <translation>每个头中 query 和 key 的维度。</translation>
    </message>
    <message>
        <source>Size of each head for value; empty means key_dim.</source>
        <translation>每个头中 value 的维度；留空表示等于 key_dim。</translation>
    </message>
    <message>
        <source>Size (or shape) of the output&apos;s last axis; empty means the query&apos;s feature size.</source>
        <translation>输出最后一个轴的大小（或形状）；留空表示等于 query 的特征维度。</translation>
    </message>
    <message>
        <source>Axes attention runs over; empty means every axis between batch and features.</source>
        <translation>注意力所作用的轴；留空表示批维度与特征轴之间的所有轴。</translation>
    </message>
    <message>
        <source>Attend only to positions closer than this (a band mask); empty for full attention.</source>
        <translation>只关注距离小于该值的位置（带状掩码）；留空表示完整注意力。</translation>
    </message>
    <message>
        <source>Use the backend&apos;s flash attention kernel when it can; empty follows the global Keras setting.</source>
        <translation>在可用时使用后端的 flash attention 内核；留空则遵循 Keras 的全局设置。</translation>
    </message>
    <message>
        <source>Gate the attention output with a sigmoid projection of the query.</source>
        <translation>用 query 经 sigmoid 投影后的结果对注意力输出做门控。</translation>
    </message>
    <message>
        <source>Axis to join along (-1 is the last, usually channels); axis 0 is the batch and is not allowed.</source>
        <translation>拼接所沿的轴（-1 为最后一个轴，通常是通道）；轴 0 是批维度，不允许。</translation>
    </message>
    <message>
        <source>Axis to multiply along, or a pair [axis of first input, axis of second]; not 0 (batch).</source>
        <translation>相乘所沿的轴，或一对 [第一个输入的轴, 第二个输入的轴]；不能是 0（批维度）。</translation>
    </message>
    <message>
        <source>L2-normalise both inputs along the axes first, so the result is a cosine similarity.</source>
        <translation>先沿这些轴对两个输入做 L2 归一化，使结果为余弦相似度。</translation>
    </message>
    <message>
        <source>How many times each step is repeated.</source>
        <translation>每个步重复的次数。</translation>
    </message>
    <message>
        <source>Upsampling factor along height, width (an integer for all of them).</source>
        <translation>沿高、宽的上采样倍数（一个整数表示各轴相同）。</translation>
    </message>
    <message>
        <source>How new values are computed: nearest repeats, the others interpolate.</source>
        <translation>新值的计算方式：nearest 为重复，其余为插值。</translation>
    </message>
    <message>
        <source>Upsampling factor along depth, height, width (an integer for all of them).</source>
        <translation>沿深、高、宽的上采样倍数（一个整数表示各轴相同）。</translation>
    </message>
    <message>
        <source>Amount to pad at the start and end of the steps: an integer or [start, end].</source>
        <translation>在步（steps）轴开头和结尾填充的数量：一个整数或 [开头, 结尾]。</translation>
    </message>
    <message>
        <source>Amount to pad per side: an integer, one per axis, or [before, after] per axis (height, width).</source>
        <translation>每一侧的填充数量：一个整数、每个轴一个整数，或每个轴一对 [前, 后]（高、宽）。</translation>
    </message>
    <message>
        <source>Amount to pad per side: an integer, one per axis, or [before, after] per axis (depth, height, width).</source>
        <translation>每一侧的填充数量：一个整数、每个轴一个整数，或每个轴一对 [前, 后]（深、高、宽）。</translation>
    </message>
    <message>
        <source>Amount to crop at the start and end of the steps: an integer or [start, end].</source>
        <translation>在步（steps）轴开头和结尾裁掉的数量：一个整数或 [开头, 结尾]。</translation>
    </message>
    <message>
        <source>Amount to crop per side: an integer, one per axis, or [before, after] per axis (height, width).</source>
        <translation>每一侧的裁剪数量：一个整数、每个轴一个整数，或每个轴一对 [前, 后]（高、宽）。</translation>
    </message>
    <message>
        <source>Amount to crop per side: an integer, one per axis, or [before, after] per axis (depth, height, width).</source>
        <translation>每一侧的裁剪数量：一个整数、每个轴一个整数，或每个轴一对 [前, 后]（深、高、宽）。</translation>
    </message>
    <message>
        <source>Factor applied to the input, e.g. 1/255.</source>
        <translation>乘到输入上的系数，例如 1/255。</translation>
    </message>
    <message>
        <source>Value added after scaling.</source>
        <translation>缩放之后加上的值。</translation>
    </message>
    <message>
        <source>Height of the output images.</source>
        <translation>输出图像的高度。</translation>
    </message>
    <message>
        <source>Width of the output images.</source>
        <translation>输出图像的宽度。</translation>
    </message>
    <message>
        <source>How output pixels are computed.</source>
        <translation>输出像素的计算方式。</translation>
    </message>
    <message>
        <source>Crop the largest centred window of the target aspect ratio before resizing (no distortion).</source>
        <translation>缩放前先按目标宽高比裁剪出最大的居中窗口（不变形）。</translation>
    </message>
    <message>
        <source>Pad to the target aspect ratio before resizing (no distortion).</source>
        <translation>缩放前先填充到目标宽高比（不变形）。</translation>
    </message>
    <message>
        <source>How padding is filled (Keras supports &apos;constant&apos; only).</source>
        <translation>填充的方式（Keras 只支持 &apos;constant&apos;）。</translation>
    </message>
    <message>
        <source>Value of the padding.</source>
        <translation>填充所用的值。</translation>
    </message>
    <message>
        <source>Antialias when downsampling.</source>
        <translation>缩小时做抗锯齿。</translation>
    </message>
    <message>
        <source>Axis order of the images (channels_last when empty).</source>
        <translation>图像的轴顺序（留空时为 channels_last）。</translation>
    </message>
    <message>
        <source>Height of the crop.</source>
        <translation>裁剪区域的高度。</translation>
    </message>
    <message>
        <source>Width of the crop.</source>
        <translation>裁剪区域的宽度。</translation>
    </message>
    <message>
        <source>Which flips are drawn.</source>
        <translation>随机做哪些翻转。</translation>
    </message>
    <message>
        <source>Largest rotation as a fraction of 2π (a number, or [lower, upper] in [-1, 1]).</source>
        <translation>最大旋转角度，以 2π 的比例表示（一个数，或 [-1, 1] 内的 [lower, upper]）。</translation>
    </message>
    <message>
        <source>How points outside the image are filled.</source>
        <translation>图像之外的点如何填充。</translation>
    </message>
    <message>
        <source>How pixels between grid points are computed.</source>
        <translation>网格点之间的像素如何计算。</translation>
    </message>
    <message>
        <source>Fill value when fill_mode is &apos;constant&apos;.</source>
        <translation>fill_mode 为 &apos;constant&apos; 时的填充值。</translation>
    </message>
    <message>
        <source>Vertical zoom range as a fraction: a number or [lower, upper] in (-1, 1].</source>
        <translation>垂直方向的缩放范围，以比例表示：一个数，或 (-1, 1] 内的 [lower, upper]。</translation>
    </message>
    <message>
        <source>Horizontal zoom range; empty to keep the aspect ratio.</source>
        <translation>水平方向的缩放范围；留空则保持宽高比。</translation>
    </message>
    <message>
        <source>Vertical shift as a fraction of the height: a number or [lower, upper] in [-1, 1].</source>
        <translation>垂直平移量，以高度的比例表示：一个数，或 [-1, 1] 内的 [lower, upper]。</translation>
    </message>
    <message>
        <source>Horizontal shift as a fraction of the width.</source>
        <translation>水平平移量，以宽度的比例表示。</translation>
    </message>
    <message>
        <source>Contrast change: a number or [lower, upper] in [0, 1].</source>
        <translation>对比度变化：一个数，或 [0, 1] 内的 [lower, upper]。</translation>
    </message>
    <message>
        <source>Range of the pixel values, [low, high].</source>
        <translation>像素值的范围，[low, high]。</translation>
    </message>
    <message>
        <source>Largest vocabulary size, special tokens included; empty for no limit.</source>
        <translation>词表的最大大小，含特殊词元；留空表示不限。</translation>
    </message>
    <message>
        <source>Indices for out-of-vocabulary tokens.</source>
        <translation>词表外（OOV）词元所用的索引。</translation>
    </message>
    <message>
        <source>A token that means &apos;masked&apos; (index 0); empty for none.</source>
        <translation>表示“被掩码”的词元（索引 0）；留空表示没有。</translation>
    </message>
    <message>
        <source>The out-of-vocabulary token (for invert).</source>
        <translation>词表外（OOV）词元（用于 invert）。</translation>
    </message>
    <message>
        <source>The tokens, as adapt() found them or listed.</source>
        <translation>词元列表，由 adapt() 得到或直接列出。</translation>
    </message>
    <message>
        <source>Type of the tokens.</source>
        <translation>词元的类型。</translation>
    </message>
    <message>
        <source>Inverse document frequency of each token (tf_idf).</source>
        <translation>每个词元的逆文档频率（tf_idf）。</translation>
    </message>
    <message>
        <source>Map indices back to tokens.</source>
        <translation>把索引映射回词元。</translation>
    </message>
    <message>
        <source>int: an index per token; one_hot, multi_hot, count, tf_idf: a vector of the vocabulary size.</source>
        <translation>int：每个词元一个索引；one_hot、multi_hot、count、tf_idf：长度为词表大小的向量。</translation>
    </message>
    <message>
        <source>Return sparse tensors (encodings only).</source>
        <translation>返回稀疏张量（仅限编码输出）。</translation>
    </message>
    <message>
        <source>Encode to max_tokens slots even when the vocabulary is smaller.</source>
        <translation>即使词表更小，也编码为 max_tokens 个位置。</translation>
    </message>
    <message>
        <source>How unknown tokens are spread over the OOV indices.</source>
        <translation>未知词元如何分配到各 OOV 索引上。</translation>
    </message>
    <message>
        <source>Salt of the farmhash OOV method.</source>
        <translation>farmhash OOV 方法所用的盐值。</translation>
    </message>
    <message>
        <source>Text encoding of the strings.</source>
        <translation>字符串的文本编码。</translation>
    </message>
    <message>
        <source>Salt of the OOV hashing.</source>
        <translation>OOV 哈希所用的盐值。</translation>
    </message>
    <message>
        <source>Largest vocabulary size; empty for no limit.</source>
        <translation>词表的最大大小；留空表示不限。</translation>
    </message>
    <message>
        <source>How text is cleaned first.</source>
        <translation>先如何清洗文本。</translation>
    </message>
    <message>
        <source>How text is cut into tokens.</source>
        <translation>如何把文本切分为词元。</translation>
    </message>
    <message>
        <source>Also make n-grams of these lengths.</source>
        <translation>另外生成这些长度的 n-gram。</translation>
    </message>
    <message>
        <source>int: token indices; multi_hot, count, tf_idf: a vector of the vocabulary size.</source>
        <translation>int：词元索引；multi_hot、count、tf_idf：长度为词表大小的向量。</translation>
    </message>
    <message>
        <source>Pad or cut the indices to this length (int mode).</source>
        <translation>把索引补齐或截断到这个长度（int 模式）。</translation>
    </message>
    <message>
        <source>Encode to max_tokens slots.</source>
        <translation>编码为 max_tokens 个位置。</translation>
    </message>
    <message>
        <source>Return ragged tensors (int mode).</source>
        <translation>返回不规则张量（ragged，int 模式）。</translation>
    </message>
    <message>
        <source>Increasing boundaries between the bins.</source>
        <translation>各区间之间递增的边界。</translation>
    </message>
    <message>
        <source>Number of bins adapt() learns.</source>
        <translation>adapt() 要学习的区间个数。</translation>
    </message>
    <message>
        <source>Error tolerance of adapt()&apos;s quantiles.</source>
        <translation>adapt() 计算分位数时的误差容限。</translation>
    </message>
    <message>
        <source>int: a bin index; one_hot, multi_hot, count: a vector of num_bins.</source>
        <translation>int：区间索引；one_hot、multi_hot、count：长度为 num_bins 的向量。</translation>
    </message>
    <message>
        <source>Number of categories (required; Keras&apos;s default of none is refused).</source>
        <translation>类别数（必填；Keras 默认不指定，这里不接受）。</translation>
    </message>
    <message>
        <source>How the categories become a vector.</source>
        <translation>类别如何变为向量。</translation>
    </message>
    <message>
        <source>Return sparse tensors.</source>
        <translation>返回稀疏张量。</translation>
    </message>
    <message>
        <source>Number of bins (including the mask bin).</source>
        <translation>桶的个数（含掩码桶）。</translation>
    </message>
    <message>
        <source>A value that goes to bin 0 (masked).</source>
        <translation>分到第 0 个桶（被掩码）的值。</translation>
    </message>
    <message>
        <source>Salt of the keyed hash (an int or two ints).</source>
        <translation>带密钥哈希所用的盐值（一个整数或两个整数）。</translation>
    </message>
    <message>
        <source>The Keras class of the layer.</source>
        <translation>该层的 Keras 类。</translation>
    </message>
    <message>
        <source>The Python module Keras rebuilds it from.</source>
        <translation>Keras 用来重建它的 Python 模块。</translation>
    </message>
    <message>
        <source>Its registered serialization name, if any.</source>
        <translation>它注册的序列化名称（如有）。</translation>
    </message>
    <message>
        <source>The layer&apos;s full Keras config (get_config()).</source>
        <translation>该层完整的 Keras 配置（get_config()）。</translation>
    </message>
    <message>
        <source>How the inputs are passed: one tensor, a list of tensors, or several positional tensors.</source>
        <translation>输入的传入方式：一个张量、一个张量列表，或多个位置参数张量。</translation>
    </message>
    <message>
        <source>Positional arguments of the call when they mix tensors (written {&apos;__input__&apos;: port}) and constants.</source>
        <translation>调用时的位置参数，当其中混有张量（写作 {&apos;__input__&apos;: port}）和常量时使用。</translation>
    </message>
    <message>
        <source>Other keyword arguments of the call.</source>
        <translation>调用时的其他关键字参数。</translation>
    </message>
    <message>
        <source>Input shapes Keras computed the shapes for.</source>
        <translation>Keras 计算形状时所依据的输入形状。</translation>
    </message>
    <message>
        <source>Output shapes Keras computed.</source>
        <translation>Keras 计算出的输出形状。</translation>
    </message>
    <message>
        <source>Trainable weights Keras counted.</source>
        <translation>Keras 统计的可训练权重数。</translation>
    </message>
    <message>
        <source>Non-trainable weights Keras counted.</source>
        <translation>Keras 统计的不可训练权重数。</translation>
    </message>
    <message>
        <source>The Keras class of the operation.</source>
        <translation>该运算的 Keras 类。</translation>
    </message>
    <message>
        <source>The operation&apos;s full Keras config (get_config()).</source>
        <translation>该运算完整的 Keras 配置（get_config()）。</translation>
    </message>
    <message>
        <source>Id of the node whose layer (and weights) this call reuses.</source>
        <translation>本次调用所复用的层（及其权重）所在节点的 Id。</translation>
    </message>
    <message>
        <source>Type and params of the shared layer (kept in step with it).</source>
        <translation>共享层的类型和参数（与它保持同步）。</translation>
    </message>
    <message>
        <source>The build config Keras saved.</source>
        <translation>Keras 保存的构建配置（build config）。</translation>
    </message>
    <message>
        <source>Where its weights sit in the layer&apos;s group of the weights file (vars/0, sublayer/vars/0, ...).</source>
        <translation>其权重在权重文件中该层分组里的位置（vars/0、sublayer/vars/0、……）。</translation>
    </message>
    <message>
        <source>Whether its output shapes were entered by hand (the file did not record them).</source>
        <translation>其输出形状是否为手动输入（文件中没有记录）。</translation>
    </message>
</context>
<context>
    <name>ParetoPlot</name>
    <message>
        <source>trial {number}</source>
        <translation>试验 {number}</translation>
    </message>
    <message>
        <source>trial {number}: {metric} {value}, {params} params
{values}</source>
        <translation>试验 {number}：{metric} {value}，参数量 {params}
{values}</translation>
    </message>
</context>
<context>
    <name>PortItem</name>
    <message>
        <source>input {index}: {name}</source>
        <translation>输入 {index}：{name}</translation>
    </message>
    <message>
        <source>output {index}: {name}</source>
        <translation>输出 {index}：{name}</translation>
    </message>
</context>
<context>
    <name>PredictionsPanel</name>
    <message>
        <source>Predictions on a few validation samples appear after an epoch.</source>
        <translation>一轮训练后显示几个验证集样本的预测结果。</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>predicted vs actual</source>
        <translation>预测值与真实值</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>over the samples</source>
        <translation>逐个样本</translation>
    </message>
    <message>
        <source>epoch {epoch} · {right} of {count} samples right</source>
        <translation>第 {epoch} 轮 · {count} 个样本中预测对 {right} 个</translation>
    </message>
    <message>
        <source>true: {label}</source>
        <translation>真实：{label}</translation>
    </message>
    <message>
        <source>epoch {epoch} · mean absolute error {error} on {count} values</source>
        <translation>第 {epoch} 轮 · {count} 个值的平均绝对误差为 {error}</translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <source>Iris classifier</source>
        <translation>鸢尾花分类器</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>TensorFlow 2 course (Peking University): the six-step workflow</source>
        <translation>TensorFlow 2 课程（北京大学）：六步法</translation>
    </message>
    <message>
        <source>One Dense softmax layer with L2 regularisation: the smallest network that learns iris.</source>
        <translation>一个带 L2 正则化的 Dense softmax 全连接层：能学会鸢尾花分类的最小网络。</translation>
    </message>
    <message>
        <source>MNIST MLP</source>
        <translation>MNIST 多层感知机</translation>
    </message>
    <message>
        <source>TensorFlow 2 course (Peking University): Keras Sequential and Model subclass</source>
        <translation>TensorFlow 2 课程（北京大学）：Keras Sequential 与 Model 子类</translation>
    </message>
    <message>
        <source>Flatten the 28×28 image, one hidden ReLU layer of 128, softmax over ten digits.</source>
        <translation>把 28×28 的图片拉直（Flatten），一个 128 个神经元的 ReLU 隐藏层，对十个数字做 softmax。</translation>
    </message>
    <message>
        <source>CIFAR-10 baseline (CBAPD)</source>
        <translation>CIFAR-10 基线网络（CBAPD）</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>TensorFlow 2 course (Peking University): class Baseline</source>
        <translation>TensorFlow 2 课程（北京大学）：class Baseline</translation>
    </message>
    <message>
        <source>One Conv-BN-Activation-Pool-Dropout unit and a small dense head: the course&apos;s template for every CNN that follows.</source>
        <translation>一个 卷积-批标准化-激活-池化-舍弃（CBAPD）单元加一个小的全连接输出部分：课程中后续所有卷积网络的模板。</translation>
    </message>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <source>LeCun et al., Gradient-based learning applied to document recognition; TensorFlow 2 course (Peking University)</source>
        <translation>LeCun 等，Gradient-based learning applied to document recognition；TensorFlow 2 课程（北京大学）</translation>
    </message>
    <message>
        <source>Two convolution + pooling stages then three dense layers: the first CNN to read digits.</source>
        <translation>两级“卷积 + 池化”，再接三个全连接层：第一个识别手写数字的卷积神经网络。</translation>
    </message>
    <message>
        <source>AlexNet8</source>
        <translation>AlexNet8</translation>
    </message>
    <message>
        <source>Krizhevsky, Sutskever &amp; Hinton, ImageNet classification with deep CNNs; TensorFlow 2 course (Peking University)</source>
        <translation>Krizhevsky、Sutskever 与 Hinton，ImageNet classification with deep CNNs；TensorFlow 2 课程（北京大学）</translation>
    </message>
    <message>
        <source>Five convolutions and three dense layers with ReLU and dropout, the ImageNet 2012 winner scaled to CIFAR-10 (BatchNormalization in place of local response norm).</source>
        <translation>五个卷积层和三个全连接层，使用 ReLU 与舍弃（Dropout）：2012 年 ImageNet 冠军网络缩小到 CIFAR-10 上（用批标准化代替局部响应标准化）。</translation>
    </message>
    <message>
        <source>VGG16 for CIFAR-10</source>
        <translation>用于 CIFAR-10 的 VGG16</translation>
    </message>
    <message>
        <source>Simonyan &amp; Zisserman, Very deep convolutional networks; TensorFlow 2 course (Peking University)</source>
        <translation>Simonyan 与 Zisserman，Very deep convolutional networks；TensorFlow 2 课程（北京大学）</translation>
    </message>
    <message>
        <source>Thirteen 3×3 convolutions in five stages, doubling the filters as the image halves, then three dense layers; the course adds BN and dropout.</source>
        <translation>五个阶段共十三个 3×3 卷积，图像尺寸减半时卷积核个数加倍，再接三个全连接层；课程中加入了批标准化和舍弃。</translation>
    </message>
    <message>
        <source>Inception10</source>
        <translation>Inception10</translation>
    </message>
    <message>
        <source>Szegedy et al., Going deeper with convolutions; TensorFlow 2 course (Peking University)</source>
        <translation>Szegedy 等，Going deeper with convolutions；TensorFlow 2 课程（北京大学）</translation>
    </message>
    <message>
        <source>A ConvBNRelu stem and two blocks of two InceptionBlk modules (1×1, 3×3, 5×5 and pooling branches side by side), doubling the width per block. The course&apos;s ConvBNRelu always runs BN in inference mode; here BN trains normally.</source>
        <translation>一个 ConvBNRelu 起始层和两个块，每块含两个 InceptionBlk 模块（1×1、3×3、5×5 卷积与池化分支并列），每个块宽度加倍。课程中的 ConvBNRelu 总在推理模式下运行批标准化；这里批标准化正常训练。</translation>
    </message>
    <message>
        <source>ResNet18 for CIFAR-10</source>
        <translation>用于 CIFAR-10 的 ResNet18</translation>
    </message>
    <message>
        <source>He et al., Deep residual learning for image recognition; TensorFlow 2 course (Peking University)</source>
        <translation>He 等，Deep residual learning for image recognition；TensorFlow 2 课程（北京大学）</translation>
    </message>
    <message>
        <source>Eight residual blocks of two 3×3 convs whose input skips ahead and is added back, so very deep networks still train; 1×1 projections where the size halves.</source>
        <translation>八个残差块，每块两个 3×3 卷积，块的输入跳过它们再加回输出，使很深的网络也能训练；尺寸减半处用 1×1 卷积做投影。</translation>
    </message>
    <message>
        <source>Letter predictor (one-hot RNN)</source>
        <translation>字母预测（独热码 RNN）</translation>
    </message>
    <message>
        <source>RNN</source>
        <translation>RNN</translation>
    </message>
    <message>
        <source>TensorFlow 2 course (Peking University): SimpleRNN, 4 letters in, 1 out</source>
        <translation>TensorFlow 2 课程（北京大学）：SimpleRNN，输入 4 个字母，预测 1 个</translation>
    </message>
    <message>
        <source>Four one-hot letters of &apos;abcde&apos; into a 3-unit SimpleRNN that predicts the next letter.</source>
        <translation>把 &apos;abcde&apos; 中四个字母的独热码输入一个记忆体为 3 的 SimpleRNN，预测下一个字母。</translation>
    </message>
    <message>
        <source>Letter predictor (Embedding + RNN)</source>
        <translation>字母预测（Embedding + RNN）</translation>
    </message>
    <message>
        <source>TensorFlow 2 course (Peking University): Embedding, 4 letters in, 1 out</source>
        <translation>TensorFlow 2 课程（北京大学）：Embedding，输入 4 个字母，预测 1 个</translation>
    </message>
    <message>
        <source>Letter ids looked up in a learned 2-D Embedding instead of one-hot vectors, then a SimpleRNN predicts the next of 26 letters.</source>
        <translation>用可训练的二维词嵌入（Embedding）代替独热码表示字母编号，再由 SimpleRNN 在 26 个字母中预测下一个。</translation>
    </message>
    <message>
        <source>Stock price LSTM</source>
        <translation>股票价格预测 LSTM</translation>
    </message>
    <message>
        <source>TensorFlow 2 course (Peking University): LSTM stock prediction</source>
        <translation>TensorFlow 2 课程（北京大学）：LSTM 股票预测</translation>
    </message>
    <message>
        <source>Sixty days of opening prices through two stacked LSTMs (80, 100) with dropout to predict the next day&apos;s opening price.</source>
        <translation>用连续 60 天的开盘价，经过两层堆叠的 LSTM（80、100）和舍弃，预测第二天的开盘价。</translation>
    </message>
    <message>
        <source>Stock price GRU</source>
        <translation>股票价格预测 GRU</translation>
    </message>
    <message>
        <source>TensorFlow 2 course (Peking University): GRU stock prediction</source>
        <translation>TensorFlow 2 课程（北京大学）：GRU 股票预测</translation>
    </message>
    <message>
        <source>The stock predictor with GRU cells: two gates instead of three, about a quarter fewer weights than the LSTM.</source>
        <translation>使用 GRU 单元的股票预测：两个门而不是三个，权重比 LSTM 少约四分之一。</translation>
    </message>
    <message>
        <source>Stock price SimpleRNN</source>
        <translation>股票价格预测 SimpleRNN</translation>
    </message>
    <message>
        <source>TensorFlow 2 course (Peking University): RNN stock prediction</source>
        <translation>TensorFlow 2 课程（北京大学）：RNN 股票预测</translation>
    </message>
    <message>
        <source>The stock predictor with plain SimpleRNN cells, the baseline the LSTM and GRU improve on.</source>
        <translation>使用普通 SimpleRNN 单元的股票预测，是 LSTM 和 GRU 加以改进的基线。</translation>
    </message>
    <message>
        <source>Fashion-MNIST MLP</source>
        <translation>Fashion-MNIST 多层感知机</translation>
    </message>
    <message>
        <source>Géron, Hands-On Machine Learning (3rd ed.), ch. 10: Sequential API</source>
        <translation>Géron，《机器学习实战》（第 3 版）第 10 章：Sequential API</translation>
    </message>
    <message>
        <source>Flatten, two ReLU hidden layers of 300 and 100, softmax over ten clothing classes.</source>
        <translation>Flatten 拉直，两个 ReLU 隐藏层（300 和 100），对十类服饰做 softmax。</translation>
    </message>
    <message>
        <source>California housing regression MLP</source>
        <translation>加州房价回归多层感知机</translation>
    </message>
    <message>
        <source>Géron, Hands-On Machine Learning (3rd ed.), ch. 10: regression MLP</source>
        <translation>Géron，《机器学习实战》（第 3 版）第 10 章：回归 MLP</translation>
    </message>
    <message>
        <source>A Normalization layer (adapted to the training data) and three ReLU layers of 50 predict the median house value; one linear output unit.</source>
        <translation>一个（按训练数据 adapt 的）Normalization 层和三个 50 个神经元的 ReLU 层预测房价中位数；输出为一个线性单元。</translation>
    </message>
    <message>
        <source>Wide &amp; Deep (one input)</source>
        <translation>Wide &amp; Deep（单输入）</translation>
    </message>
    <message>
        <source>Cheng et al., Wide &amp; deep learning for recommender systems; Géron, Hands-On Machine Learning (3rd ed.), ch. 10: Functional API</source>
        <translation>Cheng 等，Wide &amp; deep learning for recommender systems；Géron，《机器学习实战》（第 3 版）第 10 章：函数式 API</translation>
    </message>
    <message>
        <source>The normalized input goes both through two hidden layers (deep path) and straight to the output (wide path), so the network can learn deep patterns and simple rules.</source>
        <translation>标准化后的输入既经过两个隐藏层（深路径），又直接连到输出（宽路径），网络因此能同时学到深层模式和简单规则。</translation>
    </message>
    <message>
        <source>Wide &amp; Deep (two inputs)</source>
        <translation>Wide &amp; Deep（双输入）</translation>
    </message>
    <message>
        <source>Cheng et al., Wide &amp; deep learning for recommender systems; Géron, Hands-On Machine Learning (3rd ed.), ch. 10: multiple inputs</source>
        <translation>Cheng 等，Wide &amp; deep learning for recommender systems；Géron，《机器学习实战》（第 3 版）第 10 章：多输入</translation>
    </message>
    <message>
        <source>Wide &amp; Deep with separate inputs: features 0–4 take the wide path and features 2–7 the deep path, each with its own Normalization.</source>
        <translation>输入分开的 Wide &amp; Deep：特征 0–4 走宽路径，特征 2–7 走深路径，各有自己的 Normalization。</translation>
    </message>
    <message>
        <source>Wide &amp; Deep (two inputs, auxiliary output)</source>
        <translation>Wide &amp; Deep（双输入，辅助输出）</translation>
    </message>
    <message>
        <source>Cheng et al., Wide &amp; deep learning for recommender systems; Géron, Hands-On Machine Learning (3rd ed.), ch. 10: multiple outputs</source>
        <translation>Cheng 等，Wide &amp; deep learning for recommender systems；Géron，《机器学习实战》（第 3 版）第 10 章：多输出</translation>
    </message>
    <message>
        <source>Two-input Wide &amp; Deep with an auxiliary output on the deep path, a regulariser that checks the deep part is useful on its own (losses weighted 0.9 / 0.1).</source>
        <translation>双输入 Wide &amp; Deep，深路径上有一个辅助输出，起正则化作用，检验深的部分单独也有用（损失权重 0.9 / 0.1）。</translation>
    </message>
    <message>
        <source>Self-normalizing deep MLP (SELU)</source>
        <translation>自归一化深层多层感知机（SELU）</translation>
    </message>
    <message>
        <source>Klambauer et al., Self-normalizing neural networks; Géron, Hands-On Machine Learning (3rd ed.), ch. 11</source>
        <translation>Klambauer 等，Self-normalizing neural networks；Géron，《机器学习实战》（第 3 版）第 11 章</translation>
    </message>
    <message>
        <source>One hundred Dense layers of 100 with SELU and LeCun-normal initialization: the activations stay normalized, so this deep plain stack still trains.</source>
        <translation>一百个 100 个神经元的 Dense 全连接层，使用 SELU 和 LeCun 正态初始化：激活值保持标准化，所以这样深的普通堆叠仍能训练。</translation>
    </message>
    <message>
        <source>Fashion-MNIST CNN</source>
        <translation>Fashion-MNIST 卷积神经网络</translation>
    </message>
    <message>
        <source>Géron, Hands-On Machine Learning (3rd ed.), ch. 14: a typical CNN</source>
        <translation>Géron，《机器学习实战》（第 3 版）第 14 章：典型的卷积网络</translation>
    </message>
    <message>
        <source>A large 7×7 first layer, then pairs of 3×3 convs that double the filters after each pooling (64, 128, 256), and a dense head with dropout.</source>
        <translation>第一层是较大的 7×7 卷积，之后是成对的 3×3 卷积，每次池化后卷积核个数加倍（64、128、256），最后是带舍弃的全连接部分。</translation>
    </message>
    <message>
        <source>LeNet-5 (classic, tanh + average pooling)</source>
        <translation>LeNet-5（经典版，tanh + 平均池化）</translation>
    </message>
    <message>
        <source>LeCun et al., Gradient-based learning applied to document recognition; Géron, Hands-On Machine Learning (3rd ed.), ch. 14</source>
        <translation>LeCun 等，Gradient-based learning applied to document recognition；Géron，《机器学习实战》（第 3 版）第 14 章</translation>
    </message>
    <message>
        <source>The original LeNet-5 layout on MNIST padded to 32×32: tanh units, average pooling, C5 as a 5×5 convolution to 1×1×120 (softmax stands in for the RBF output).</source>
        <translation>原始 LeNet-5 结构，MNIST 填充到 32×32：tanh 单元、平均池化，C5 是输出 1×1×120 的 5×5 卷积（用 softmax 代替 RBF 输出层）。</translation>
    </message>
    <message>
        <source>Happy-face classifier</source>
        <translation>笑脸分类器</translation>
    </message>
    <message>
        <source>deeplearning.ai Convolutional Neural Networks course: the Happy House (Sequential API)</source>
        <translation>deeplearning.ai 卷积神经网络课程：Happy House（Sequential API）</translation>
    </message>
    <message>
        <source>Zero padding, one 7×7 conv with BN and ReLU, max pooling and a sigmoid unit: a small binary image classifier.</source>
        <translation>全零填充、一个带批标准化和 ReLU 的 7×7 卷积、最大池化和一个 sigmoid 单元：一个小的二分类图像分类器。</translation>
    </message>
    <message>
        <source>SIGNS hand-gesture CNN</source>
        <translation>SIGNS 手势识别卷积网络</translation>
    </message>
    <message>
        <source>deeplearning.ai Convolutional Neural Networks course: SIGNS (Functional API)</source>
        <translation>deeplearning.ai 卷积神经网络课程：SIGNS（函数式 API）</translation>
    </message>
    <message>
        <source>Two conv–ReLU–pool stages with large pooling windows shrink 64×64 to 2×2 quickly; softmax over six finger counts.</source>
        <translation>两级“卷积–ReLU–池化”，用大的池化窗口把 64×64 迅速缩小到 2×2；对六种手指数做 softmax。</translation>
    </message>
    <message>
        <source>ResNet-34</source>
        <translation>ResNet-34</translation>
    </message>
    <message>
        <source>He et al., Deep residual learning for image recognition; Géron, Hands-On Machine Learning (3rd ed.), ch. 14</source>
        <translation>He 等，Deep residual learning for image recognition；Géron，《机器学习实战》（第 3 版）第 14 章</translation>
    </message>
    <message>
        <source>A 7×7/2 stem and sixteen residual units (3, 4, 6, 3 of 64, 128, 256, 512 filters); the first unit of each wider stage halves the size and projects the shortcut.</source>
        <translation>一个 7×7、步长 2 的起始层和十六个残差单元（分别为 3、4、6、3 个，卷积核个数 64、128、256、512）；每个更宽阶段的第一个单元把尺寸减半并对捷径做投影。</translation>
    </message>
    <message>
        <source>Inception module</source>
        <translation>Inception 模块</translation>
    </message>
    <message>
        <source>Szegedy et al., Going deeper with convolutions; deeplearning.ai Convolutional Neural Networks course</source>
        <translation>Szegedy 等，Going deeper with convolutions；deeplearning.ai 卷积神经网络课程</translation>
    </message>
    <message>
        <source>One GoogLeNet module on a 28×28×192 map: 1×1 bottlenecks before the 3×3 and 5×5 convs cut the multiplications about tenfold; four branches concatenate to 256 channels.</source>
        <translation>作用在 28×28×192 特征图上的一个 GoogLeNet 模块：3×3 和 5×5 卷积前的 1×1 瓶颈把乘法次数减少约十倍；四个分支拼接为 256 个通道。</translation>
    </message>
    <message>
        <source>Time-series RNN</source>
        <translation>时间序列 RNN</translation>
    </message>
    <message>
        <source>Géron, Hands-On Machine Learning (3rd ed.), ch. 15: forecasting a time series</source>
        <translation>Géron，《机器学习实战》（第 3 版）第 15 章：预测时间序列</translation>
    </message>
    <message>
        <source>A 32-unit SimpleRNN reads a window of any length and a Dense unit forecasts the next value.</source>
        <translation>一个记忆体为 32 的 SimpleRNN 读取任意长度的窗口，一个 Dense 单元预测下一个值。</translation>
    </message>
    <message>
        <source>Time-series deep RNN</source>
        <translation>时间序列深层 RNN</translation>
    </message>
    <message>
        <source>Géron, Hands-On Machine Learning (3rd ed.), ch. 15: deep RNNs</source>
        <translation>Géron，《机器学习实战》（第 3 版）第 15 章：深层 RNN</translation>
    </message>
    <message>
        <source>Three stacked 32-unit SimpleRNNs (the first two return sequences) and a Dense forecast.</source>
        <translation>三层堆叠的记忆体为 32 的 SimpleRNN（前两层返回整个序列），再由一个 Dense 层预测。</translation>
    </message>
    <message>
        <source>Time-series sequence-to-sequence RNN</source>
        <translation>时间序列序列到序列 RNN</translation>
    </message>
    <message>
        <source>Géron, Hands-On Machine Learning (3rd ed.), ch. 15: forecasting several steps ahead</source>
        <translation>Géron，《机器学习实战》（第 3 版）第 15 章：预测未来多步</translation>
    </message>
    <message>
        <source>A SimpleRNN returns every step and a time-distributed Dense layer forecasts the next 14 values at each step, so training gets a signal from every time step.</source>
        <translation>SimpleRNN 返回每个时间步的输出，一个按时间步分布的 Dense 层在每一步预测接下来的 14 个值，所以训练从每个时间步都得到信号。</translation>
    </message>
    <message>
        <source>VGG16</source>
        <translation>VGG16</translation>
    </message>
    <message>
        <source>Simonyan &amp; Zisserman, Very deep convolutional networks for large-scale image recognition; keras.applications.VGG16</source>
        <translation>Simonyan 与 Zisserman，Very deep convolutional networks for large-scale image recognition；keras.applications.VGG16</translation>
    </message>
    <message>
        <source>Thirteen 3×3 convolutions in five blocks and three dense layers: depth from small filters alone. Most of its 138M weights sit in the first dense layer.</source>
        <translation>五个块中的十三个 3×3 卷积和三个全连接层：只靠小卷积核获得深度。1.38 亿个权重大部分在第一个全连接层里。</translation>
    </message>
    <message>
        <source>ResNet-50</source>
        <translation>ResNet-50</translation>
    </message>
    <message>
        <source>He et al., Deep residual learning for image recognition; keras.applications.ResNet50</source>
        <translation>He 等，Deep residual learning for image recognition；keras.applications.ResNet50</translation>
    </message>
    <message>
        <source>Sixteen bottleneck units (1×1 reduce, 3×3, 1×1 expand) in four stages of 3, 4, 6 and 3: residual learning at 50 layers for the cost of a much shallower plain network.</source>
        <translation>四个阶段共十六个瓶颈单元（1×1 降维、3×3、1×1 升维），各阶段分别为 3、4、6、3 个：以浅得多的普通网络的代价实现 50 层的残差学习。</translation>
    </message>
    <message>
        <source>MobileNet</source>
        <translation>MobileNet</translation>
    </message>
    <message>
        <source>Howard et al., MobileNets: efficient CNNs for mobile vision applications; keras.applications.MobileNet</source>
        <translation>Howard 等，MobileNets: efficient CNNs for mobile vision applications；keras.applications.MobileNet</translation>
    </message>
    <message>
        <source>Thirteen depthwise-separable units (a 3×3 filter per channel, then a 1×1 conv to mix channels) cost about a ninth of standard convolutions.</source>
        <translation>十三个深度可分离单元（每个通道一个 3×3 卷积核，再用 1×1 卷积混合通道），计算量约为标准卷积的九分之一。</translation>
    </message>
    <message>
        <source>MobileNetV2</source>
        <translation>MobileNetV2</translation>
    </message>
    <message>
        <source>Sandler et al., MobileNetV2: inverted residuals and linear bottlenecks; keras.applications.MobileNetV2</source>
        <translation>Sandler 等，MobileNetV2: inverted residuals and linear bottlenecks；keras.applications.MobileNetV2</translation>
    </message>
    <message>
        <source>Seventeen inverted residual blocks: expand the channels six times, filter them depthwise, project back linearly, and add the input where the shapes match.</source>
        <translation>十七个倒残差块：把通道扩展六倍，逐通道（depthwise）卷积，再线性投影回去，形状相同时加上输入。</translation>
    </message>
    <message>
        <source>Inception-v3</source>
        <translation>Inception-v3</translation>
    </message>
    <message>
        <source>Szegedy et al., Rethinking the Inception architecture for computer vision; keras.applications.InceptionV3</source>
        <translation>Szegedy 等，Rethinking the Inception architecture for computer vision；keras.applications.InceptionV3</translation>
    </message>
    <message>
        <source>Inception modules with factorised convolutions (5×5 as two 3×3, 7×7 as 1×7 then 7×1) and grid-size reduction blocks; BN without scale after every conv.</source>
        <translation>使用分解卷积的 Inception 模块（5×5 分解为两个 3×3，7×7 分解为 1×7 加 7×1）和缩小网格尺寸的块；每个卷积后接不带 scale 的批标准化。</translation>
    </message>
    <message>
        <source>U-Net (small)</source>
        <translation>U-Net（小型）</translation>
    </message>
    <message>
        <source>Ronneberger, Fischer &amp; Brox, U-Net: convolutional networks for biomedical image segmentation</source>
        <translation>Ronneberger、Fischer 与 Brox，U-Net: convolutional networks for biomedical image segmentation</translation>
    </message>
    <message>
        <source>An encoder that halves the image three times and a decoder that doubles it back, with skip connections carrying the fine detail across; one sigmoid mask per pixel.</source>
        <translation>编码器把图像尺寸减半三次，解码器再逐次加倍恢复，跳跃连接把细节传过去；每个像素输出一个 sigmoid 掩码值。</translation>
    </message>
    <message>
        <source>Stacked autoencoder (MNIST)</source>
        <translation>堆叠自编码器（MNIST）</translation>
    </message>
    <message>
        <source>autoencoder</source>
        <translation>自编码器</translation>
    </message>
    <message>
        <source>Hinton &amp; Salakhutdinov, Reducing the dimensionality of data with neural networks; Géron, Hands-On Machine Learning, ch. 17</source>
        <translation>Hinton 与 Salakhutdinov，Reducing the dimensionality of data with neural networks；Géron，《机器学习实战》第 17 章</translation>
    </message>
    <message>
        <source>An encoder squeezes each 28×28 digit into 30 numbers and a mirror-image decoder rebuilds the image from them; trained to reproduce its own input.</source>
        <translation>编码器把每个 28×28 的数字压缩成 30 个数，镜像对称的解码器再由它们重建图像；训练目标是重现自己的输入。</translation>
    </message>
    <message>
        <source>Transformer encoder for text classification</source>
        <translation>用于文本分类的 Transformer 编码器</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Vaswani et al., Attention is all you need; Keras example &apos;Text classification with Transformer&apos;</source>
        <translation>Vaswani 等，Attention is all you need；Keras 示例“Text classification with Transformer”</translation>
    </message>
    <message>
        <source>Token plus learned position embeddings, one encoder block (multi-head self-attention and a feed-forward network, each with a residual add and LayerNormalization), then average pooling and a small classifier. The second input takes the positions 0, 1, …, maxlen−1 of every sample.</source>
        <translation>词嵌入加可学习的位置嵌入，一个编码器块（多头自注意力和前馈网络，各带残差相加和 LayerNormalization），然后是平均池化和一个小分类器。第二个输入接收每个样本的位置 0, 1, …, maxlen−1。</translation>
    </message>
</context>
<context>
    <name>ProblemRow</name>
    <message>
        <source>Apply: {fix} (one undo step)</source>
        <translation>应用：{fix}（一步撤销）</translation>
    </message>
    <message>
        <source>More fixes</source>
        <translation>更多修复</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>No problems: the network is valid.</source>
        <translation>没有问题：网络有效。</translation>
    </message>
    <message>
        <source>No quick fix for this problem</source>
        <translation>此问题没有快速修复</translation>
    </message>
    <message>
        <source>Select layer</source>
        <translation>选择该层</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>epoch {epoch}/{epochs} · step {step}/{steps}</source>
        <translation>第 {epoch}/{epochs} 轮 · 第 {step}/{steps} 步</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs} · step {step}/{steps} · {left} left</source>
        <translation>第 {epoch}/{epochs} 轮 · 第 {step}/{steps} 步 · 剩余 {left}</translation>
    </message>
    <message>
        <source>{state} · 1 epoch</source>
        <translation>{state} · 1 轮</translation>
    </message>
    <message>
        <source>{state} · {epochs} epochs</source>
        <translation>{state} · {epochs} 轮</translation>
    </message>
</context>
<context>
    <name>QuickAdd</name>
    <message>
        <source>Add layer…</source>
        <translation>添加层…</translation>
    </message>
</context>
<context>
    <name>RefusalPopup</name>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot connect {source} → {target}&lt;/b&gt;</source>
        <translation>&lt;b&gt;无法连接 {source} → {target}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{fix}: adds what is needed and connects, in one undo step</source>
        <translation>{fix}：补上所需的层并连线，一步撤销</translation>
    </message>
    <message>
        <source>&lt;i&gt;No quick fix makes this connection possible.&lt;/i&gt;</source>
        <translation>&lt;i&gt;没有快速修复能使这条连线成立。&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>接着训练</translation>
    </message>
    <message>
        <source> more epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Train the network on the chosen data with these settings (F5)</source>
        <translation>用所选数据和这些设置训练网络（F5）</translation>
    </message>
    <message>
        <source>Keep training the run&apos;s model for more epochs: the network as the run started, not later edits</source>
        <translation>把本次训练的模型再多训练几轮：训练的是开始时的网络，不包括之后的修改</translation>
    </message>
    <message>
        <source>The run&apos;s schedule is planned over its length and has ended: what the learning rate does in the new epochs</source>
        <translation>本次训练的学习率调度按训练总长规划，现已结束：选择新增轮次中学习率如何变化</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
</context>
<context>
    <name>RunState</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>waiting for TensorFlow</source>
        <translation>正在等待 TensorFlow</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>正在准备</translation>
    </message>
    <message>
        <source>running</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>This document is not saved yet: its runs are kept in a temporary folder for a week, and move beside the document when you save it.</source>
        <translation>本文档尚未保存：它的训练记录在临时文件夹中保留一周，保存文档时会移到文档旁边。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Same settings.</source>
        <translation>设置相同。</translation>
    </message>
    <message>
        <source>Network: {problem}</source>
        <translation>网络：{problem}</translation>
    </message>
    <message>
        <source>added: {layers}</source>
        <translation>新增：{layers}</translation>
    </message>
    <message>
        <source>removed: {layers}</source>
        <translation>删除：{layers}</translation>
    </message>
    <message>
        <source>renamed {old} → {new}</source>
        <translation>重命名 {old} → {new}</translation>
    </message>
    <message>
        <source>type {old} → {new}</source>
        <translation>类型 {old} → {new}</translation>
    </message>
    <message>
        <source>{added} connections added, {removed} removed</source>
        <translation>新增 {added} 条连线，删除 {removed} 条</translation>
    </message>
    <message>
        <source>parameters {old} → {new}</source>
        <translation>参数量 {old} → {new}</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Same network.</source>
        <translation>网络相同。</translation>
    </message>
    <message>
        <source>{side}: {status} after {epochs} epochs · {final}</source>
        <translation>{side}：{epochs} 轮后{status} · {final}</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export model…</source>
        <translation>导出模型…</translation>
    </message>
    <message>
        <source>Copy the selected run&apos;s last model (.keras)</source>
        <translation>复制所选训练的最新模型（.keras）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>断点续训</translation>
    </message>
    <message>
        <source>Continue the selected run from its checkpoint, in place</source>
        <translation>从检查点原地继续所选的训练（断点续训）</translation>
    </message>
    <message>
        <source>Cannot list the runs in {folder}: {problem}</source>
        <translation>无法列出 {folder} 中的训练记录：{problem}</translation>
    </message>
    <message>
        <source>No runs yet: start training to record one.</source>
        <translation>还没有训练记录：开始训练就会记录一次。</translation>
    </message>
    <message>
        <source>1 run. Select several to overlay their curves, two to compare them.</source>
        <translation>1 次训练。选择多次训练可叠加曲线，选择两次可进行比较。</translation>
    </message>
    <message>
        <source>{count} runs. Select several to overlay their curves, two to compare them.</source>
        <translation>{count} 次训练。选择多次训练可叠加曲线，选择两次可进行比较。</translation>
    </message>
    <message>
        <source>&lt;b&gt;1 interrupted&lt;/b&gt; (the program ended while it trained): select one and press Resume.</source>
        <translation>&lt;b&gt;1 次已中断&lt;/b&gt;（训练时程序结束了）：选中它并点“断点续训”。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} interrupted&lt;/b&gt; (the program ended while they trained): select one and press Resume.</source>
        <translation>&lt;b&gt;{count} 次已中断&lt;/b&gt;（训练时程序结束了）：选中一次并点“断点续训”。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{run}&lt;/b&gt;: {status}, {epochs} epochs</source>
        <translation>&lt;b&gt;{run}&lt;/b&gt;：{status}，{epochs} 轮</translation>
    </message>
    <message>
        <source>Cannot compare: {problem}</source>
        <translation>无法比较：{problem}</translation>
    </message>
    <message>
        <source>Select one run to export its model.</source>
        <translation>请选择一次训练来导出它的模型。</translation>
    </message>
    <message>
        <source>The run {run} has no saved model.</source>
        <translation>训练 {run} 没有保存的模型。</translation>
    </message>
    <message>
        <source>Export the run&apos;s model</source>
        <translation>导出训练的模型</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>Cannot export: {error}</source>
        <translation>无法导出：{error}</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>已导出 {file}</translation>
    </message>
    <message>
        <source>Select one run.</source>
        <translation>请选择一次训练。</translation>
    </message>
    <message>
        <source>Cannot resume the run {run}: it is being recorded by process {pid}.</source>
        <translation>无法断点续训 {run}：进程 {pid} 正在记录它。</translation>
    </message>
    <message>
        <source>Cannot resume the run {run}: it has no checkpoint.</source>
        <translation>无法断点续训 {run}：它没有检查点。</translation>
    </message>
    <message>
        <source>Cannot resume the run {run}: it is {status}.</source>
        <translation>无法断点续训 {run}：它的状态是“{status}”。</translation>
    </message>
    <message>
        <source>Cannot open the network of {run}: {problem}</source>
        <translation>无法打开 {run} 的网络：{problem}</translation>
    </message>
    <message>
        <source>Opened the network of the run {run} (not saved yet).</source>
        <translation>已打开训练 {run} 的网络（尚未保存）。</translation>
    </message>
    <message>
        <source>Load the settings of run {run}</source>
        <translation>载入训练 {run} 的设置</translation>
    </message>
    <message>
        <source>Loaded the data and training settings of the run {run}.</source>
        <translation>已载入训练 {run} 的数据和训练设置。</translation>
    </message>
    <message>
        <source>The run {run} is training (process {pid}); stop it before deleting it.</source>
        <translation>训练 {run} 正在进行（进程 {pid}）；请先停止再删除。</translation>
    </message>
    <message>
        <source>Cannot delete {folder}: {error}</source>
        <translation>无法删除 {folder}：{error}</translation>
    </message>
    <message>
        <source>Deleted the run {run}.</source>
        <translation>已删除训练 {run}。</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>删除训练记录</translation>
    </message>
    <message>
        <source>Delete the run {run} and all its files ({epochs} epochs, its checkpoints and curves)?
This cannot be undone.</source>
        <translation>删除训练 {run} 及其全部文件（{epochs} 轮、检查点和曲线）吗？
此操作无法撤销。</translation>
    </message>
    <message>
        <source>Open its network</source>
        <translation>打开它的网络</translation>
    </message>
    <message>
        <source>Load its settings into the document</source>
        <translation>把它的设置载入当前文档</translation>
    </message>
    <message>
        <source>Reveal the folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>The program recording this run ended before the run did (it was closed, crashed or was killed). Resume continues it from its last checkpoint.</source>
        <translation>记录这次训练的程序在训练结束前就退出了（被关闭、崩溃或被强制结束）。“断点续训”会从最后一个检查点继续。</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>The document&apos;s data settings cannot be used ({problem}); defaults are shown.</source>
        <translation>文档的数据设置无法使用（{problem}）；显示的是默认值。</translation>
    </message>
    <message>
        <source>The document&apos;s training settings are damaged ({problem}); defaults are shown.</source>
        <translation>文档的训练设置已损坏（{problem}）；显示的是默认值。</translation>
    </message>
</context>
<context>
    <name>SequenceView</name>
    <message>
        <source>sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>Recurrent layer</source>
        <translation>循环层</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>time step</source>
        <translation>时间步</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>This model has no recurrent layer (SimpleRNN, LSTM, GRU, Bidirectional).</source>
        <translation>此模型没有循环层（SimpleRNN、LSTM、GRU、Bidirectional）。</translation>
    </message>
    <message>
        <source>{layer}: {units} units over {steps} time steps; colour from {low} (blue) to {high} (red)</source>
        <translation>{layer}：{units} 个单元，{steps} 个时间步；颜色从 {low}（蓝）到 {high}（红）</translation>
    </message>
</context>
<context>
    <name>SetParamCommand</name>
    <message>
        <source>Set {param}</source>
        <translation>设置 {param}</translation>
    </message>
</context>
<context>
    <name>SetSectionCommand</name>
    <message>
        <source>Change data settings</source>
        <translation>修改数据设置</translation>
    </message>
    <message>
        <source>Change training settings</source>
        <translation>修改训练设置</translation>
    </message>
    <message>
        <source>Change insights settings</source>
        <translation>修改可视化设置</translation>
    </message>
    <message>
        <source>Change {section} settings</source>
        <translation>修改 {section} 设置</translation>
    </message>
</context>
<context>
    <name>SetSpaceCommand</name>
    <message>
        <source>Change the search space</source>
        <translation>更改搜索空间</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>automatic (suits the data)</source>
        <translation>自动（按数据选择）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>shuffle each epoch</source>
        <translation>每轮打乱数据</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Comma-separated: {names}</source>
        <translation>用逗号分隔：{names}</translation>
    </message>
    <message>
        <source>from_logits (the output has no softmax/sigmoid)</source>
        <translation>from_logits（输出层没有 softmax/sigmoid）</translation>
    </message>
    <message>
        <source>Loss and metrics</source>
        <translation>损失函数与评测指标</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>评测指标</translation>
    </message>
    <message>
        <source>Whether the schedule&apos;s step counts are optimizer steps or epochs</source>
        <translation>学习率调度中的步数按优化器的步计还是按轮计</translation>
    </message>
    <message>
        <source>planned learning rate</source>
        <translation>计划的学习率</translation>
    </message>
    <message>
        <source>Find a learning rate…</source>
        <translation>寻找学习率…</translation>
    </message>
    <message>
        <source>Sweep the learning rate over one epoch and plot the loss</source>
        <translation>在一轮内扫过一系列学习率并画出损失</translation>
    </message>
    <message>
        <source>LR finder: loss vs learning rate</source>
        <translation>学习率查找：损失随学习率的变化</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Use it</source>
        <translation>使用它</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度方式</translation>
    </message>
    <message>
        <source>Steps counted per</source>
        <translation>步数计数单位</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>The logged value to watch (val_… needs validation data)</source>
        <translation>要监视的指标（val_… 需要验证集）</translation>
    </message>
    <message>
        <source>min: stop when it stops falling; max: when it stops rising; auto: from the name</source>
        <translation>min：不再下降时停止；max：不再上升时停止；auto：按名称判断</translation>
    </message>
    <message>
        <source>min_delta: a smaller change does not count as an improvement</source>
        <translation>min_delta：小于它的变化不算改进</translation>
    </message>
    <message>
        <source>restore the best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <source>TensorBoard log (scalars, histograms, graph)</source>
        <translation>TensorBoard 日志（标量、直方图、计算图）</translation>
    </message>
    <message>
        <source>Write a TensorBoard log in each run&apos;s folder (keras.callbacks.TensorBoard)</source>
        <translation>在每次训练的文件夹中写 TensorBoard 日志（keras.callbacks.TensorBoard）</translation>
    </message>
    <message>
        <source>Open in TensorBoard</source>
        <translation>在 TensorBoard 中打开</translation>
    </message>
    <message>
        <source>Start TensorBoard on a free local port with this document&apos;s runs and open it in the browser</source>
        <translation>在本机空闲端口上用本文档的训练记录启动 TensorBoard，并在浏览器中打开</translation>
    </message>
    <message>
        <source>Reduce LR on plateau</source>
        <translation>停滞时降低学习率</translation>
    </message>
    <message>
        <source>Stop a diverging run</source>
        <translation>发散时停止训练</translation>
    </message>
    <message>
        <source>Stop when the loss exceeds factor × its best, or grows for patience epochs in a row, and restore the best weights seen</source>
        <translation>当损失超过最佳值的“倍数”倍，或连续“耐心轮数”轮上升时停止训练，并恢复见过的最佳权重</translation>
    </message>
    <message>
        <source>Keep the best model (checkpoint)</source>
        <translation>保存最佳模型（检查点）</translation>
    </message>
    <message>
        <source>CSV log</source>
        <translation>CSV 日志</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回调</translation>
    </message>
    <message>
        <source>patience </source>
        <translation>耐心轮数 </translation>
    </message>
    <message>
        <source>monitor, mode</source>
        <translation>监视指标、模式</translation>
    </message>
    <message>
        <source>Change training settings</source>
        <translation>修改训练设置</translation>
    </message>
    <message>
        <source>{steps} steps ({per_epoch} per epoch) · from {first} to {last}, peak {peak}</source>
        <translation>共 {steps} 步（每轮 {per_epoch} 步）· 从 {first} 到 {last}，峰值 {peak}</translation>
    </message>
    <message>
        <source>{steps} steps ({per_epoch} per epoch (assuming 1,000 training samples until the data is loaded)) · from {first} to {last}, peak {peak}</source>
        <translation>共 {steps} 步（每轮 {per_epoch} 步（数据加载前按 1,000 个训练样本估算））· 从 {first} 到 {last}，峰值 {peak}</translation>
    </message>
    <message>
        <source>The LR finder is not available in this version.</source>
        <translation>此版本没有学习率查找功能。</translation>
    </message>
    <message>
        <source>Finding a learning rate…</source>
        <translation>正在寻找学习率…</translation>
    </message>
    <message>
        <source>LR finder: {error}</source>
        <translation>学习率查找：{error}</translation>
    </message>
    <message>
        <source>Use {lr} as the max LR</source>
        <translation>用 {lr} 作为最大学习率</translation>
    </message>
    <message>
        <source>Use {lr} as the LR</source>
        <translation>用 {lr} 作为学习率</translation>
    </message>
    <message>
        <source>TensorBoard: {link} (stopped when NeuroCanvas quits).</source>
        <translation>TensorBoard：{link}（NeuroCanvas 退出时停止）。</translation>
    </message>
    <message>
        <source>TensorBoard: {link} (stopped when NeuroCanvas quits). Turn the TensorBoard log on above: runs without it have nothing to show.</source>
        <translation>TensorBoard：{link}（NeuroCanvas 退出时停止）。请在上方打开 TensorBoard 日志：没有日志的训练无内容可显示。</translation>
    </message>
</context>
<context>
    <name>SpaceEditor</name>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>distribution</source>
        <translation>分布</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>加载失败</translation>
    </message>
    <message>
        <source>batch </source>
        <translation>批大小 </translation>
    </message>
    <message>
        <source>Batch size used for the memory estimate</source>
        <translation>估算内存时使用的批大小</translation>
    </message>
    <message>
        <source>{count} params</source>
        <translation>参数量 {count}</translation>
    </message>
    <message>
        <source>trainable {trainable}, non-trainable {non_trainable}</source>
        <translation>可训练 {trainable}，不可训练 {non_trainable}</translation>
    </message>
    <message>
        <source>{macs} MACs</source>
        <translation>乘加 {macs} MACs</translation>
    </message>
    <message>
        <source>≈ {size} to train</source>
        <translation>训练约需 {size}</translation>
    </message>
    <message>
        <source>Weights, gradients and Adam slots plus the activations of one batch</source>
        <translation>权重、梯度和 Adam 状态，加上一个批的激活值</translation>
    </message>
    <message>
        <source>The network is valid.</source>
        <translation>网络有效。</translation>
    </message>
    <message>
        <source>TensorFlow: {state} · {device}</source>
        <translation>TensorFlow：{state} · {device}</translation>
    </message>
    <message>
        <source>TensorFlow: {state}</source>
        <translation>TensorFlow：{state}</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>{count} errors</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 个警告</translation>
    </message>
    <message>
        <source>{count} warnings</source>
        <translation>{count} 个警告</translation>
    </message>
    <message>
        <source>{errors} · {warnings}</source>
        <translation>{errors} · {warnings}</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加（MACs）</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Total params: &lt;b&gt;{total}&lt;/b&gt; ({size}) · trainable {trainable} · non-trainable {non_trainable} · MACs per sample {macs}</source>
        <translation>总参数量：&lt;b&gt;{total}&lt;/b&gt;（{size}）· 可训练 {trainable} · 不可训练 {non_trainable} · 每个样本乘加 {macs}</translation>
    </message>
</context>
<context>
    <name>SweepThisMenu</name>
    <message>
        <source>Sweep {name}</source>
        <translation>搜索 {name}</translation>
    </message>
    <message>
        <source>Sweep this…</source>
        <translation>对此做超参数搜索…</translation>
    </message>
    <message>
        <source>Sweep this</source>
        <translation>对此做超参数搜索</translation>
    </message>
    <message>
        <source>Distribution of {name} — {choice}, {int}, {float} or {loguniform}:</source>
        <translation>{name} 的分布 — {choice}、{int}、{float} 或 {loguniform}：</translation>
    </message>
    <message>
        <source>Not swept: the distribution is not valid JSON ({error}).</source>
        <translation>未加入搜索：分布不是有效的 JSON（{error}）。</translation>
    </message>
    <message>
        <source>Not swept: {reason}</source>
        <translation>未加入搜索：{reason}</translation>
    </message>
</context>
<context>
    <name>TensorBoardProcess</name>
    <message>
        <source>TensorBoard is not installed.</source>
        <translation>未安装 TensorBoard。</translation>
    </message>
    <message>
        <source>Install it with pip install tensorboard.</source>
        <translation>用 pip install tensorboard 安装。</translation>
    </message>
    <message>
        <source>TensorBoard could not be started: {error}.</source>
        <translation>无法启动 TensorBoard：{error}。</translation>
    </message>
    <message>
        <source>Check the Python installation.</source>
        <translation>请检查 Python 安装。</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>The network has errors; fix them first: {problem}</source>
        <translation>网络有错误，请先修正：{problem}</translation>
    </message>
    <message>
        <source>Continuing for 1 more epoch…</source>
        <translation>再训练 1 轮…</translation>
    </message>
    <message>
        <source>Continuing for {epochs} more epochs…</source>
        <translation>再训练 {epochs} 轮…</translation>
    </message>
    <message>
        <source>Pausing after this batch…</source>
        <translation>这一批结束后暂停…</translation>
    </message>
    <message>
        <source>Cancelled before training started.</source>
        <translation>训练开始前已取消。</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>这一批结束后停止…</translation>
    </message>
    <message>
        <source>A run is going; stop it before resuming another.</source>
        <translation>有训练正在进行；请先停止它再继续另一次训练。</translation>
    </message>
    <message>
        <source>Waiting for TensorFlow to load…</source>
        <translation>正在等待 TensorFlow 加载…</translation>
    </message>
    <message>
        <source>TensorFlow could not be loaded: {error}</source>
        <translation>无法加载 TensorFlow：{error}</translation>
    </message>
    <message>
        <source>Check the installation; the editor works without it.</source>
        <translation>请检查安装；没有它编辑器也能使用。</translation>
    </message>
    <message>
        <source>Loading the checkpoint of {run}…</source>
        <translation>正在加载 {run} 的检查点…</translation>
    </message>
    <message>
        <source>A run is training</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <source>A run is training. Stop it and keep a checkpoint to resume it later?</source>
        <translation>训练正在进行。停止它并保存检查点，以便以后断点续训吗？</translation>
    </message>
    <message>
        <source>The run can be resumed from the Runs table.</source>
        <translation>可以在训练记录表中断点续训。</translation>
    </message>
    <message>
        <source>Stop and keep a checkpoint</source>
        <translation>停止并保存检查点</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Cannot move the runs of the unsaved document from {folder}: {error}</source>
        <translation>无法从 {folder} 移动未保存文档的训练记录：{error}</translation>
    </message>
    <message>
        <source>Segment {number} with the edited network — {changes}.</source>
        <translation>第 {number} 段使用修改后的网络 — {changes}。</translation>
    </message>
    <message>
        <source>Paused at step {step}.</source>
        <translation>已在第 {step} 步暂停。</translation>
    </message>
    <message>
        <source>Finished after {epochs} epochs.</source>
        <translation>训练 {epochs} 轮后完成。</translation>
    </message>
</context>
<context>
    <name>TrialCurves</name>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Trust the code of the custom layers?</source>
        <translation>信任自定义层的代码吗？</translation>
    </message>
    <message>
        <source>&lt;b&gt;{cls}&lt;/b&gt; (module &lt;code&gt;{module}&lt;/code&gt;): {layers}</source>
        <translation>&lt;b&gt;{cls}&lt;/b&gt;（模块 &lt;code&gt;{module}&lt;/code&gt;）：{layers}</translation>
    </message>
    <message>
        <source>&lt;p&gt;This document has custom layers kept without their code:&lt;/p&gt;&lt;ul&gt;{classes}&lt;/ul&gt;&lt;p&gt;Training or exporting it runs the Python module that defines them. Only trust a module you know: it runs with your permissions.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此文档中有未附带代码的自定义层：&lt;/p&gt;&lt;ul&gt;{classes}&lt;/ul&gt;&lt;p&gt;训练或导出它会运行定义这些层的 Python 模块。只信任你了解的模块：它会以你的权限运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Run the code of these Lambda layers, stored in the document: {layers}</source>
        <translation>运行文档中保存的这些 Lambda 层的代码：{layers}</translation>
    </message>
    <message>
        <source>The .py file that defines the classes</source>
        <translation>定义这些类的 .py 文件</translation>
    </message>
    <message>
        <source>Choose module…</source>
        <translation>选择模块…</translation>
    </message>
    <message>
        <source>It is remembered for this document (by its path and the module&apos;s hash) in your settings, not in the document.</source>
        <translation>这一信任会针对此文档（按文档路径和模块的哈希）记在你的设置中，而不是文档里。</translation>
    </message>
    <message>
        <source>The document is not saved yet: the trust lasts for this session.</source>
        <translation>文档尚未保存：这一信任只在本次会话中有效。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Trust and load</source>
        <translation>信任并加载</translation>
    </message>
    <message>
        <source>Module that defines the custom layers</source>
        <translation>定义自定义层的模块</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>SHA-256: {digest}</source>
        <translation>SHA-256：{digest}</translation>
    </message>
    <message>
        <source>Classes it defines: {classes}</source>
        <translation>它定义的类：{classes}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>It does not define {classes}.</source>
        <translation>它没有定义 {classes}。</translation>
    </message>
    <message>
        <source>It defines every custom class of the document.</source>
        <translation>它定义了文档中的所有自定义类。</translation>
    </message>
    <message>
        <source>{path} changed while this prompt was open.</source>
        <translation>在此对话框打开期间 {path} 发生了变化。</translation>
    </message>
    <message>
        <source>Look at it again, then trust it.</source>
        <translation>请重新查看后再信任它。</translation>
    </message>
</context>
<context>
    <name>UndoCommand</name>
    <message>
        <source>Add {layer}</source>
        <translation>添加 {layer}</translation>
    </message>
    <message>
        <source>Branch {layer}</source>
        <translation>添加分支 {layer}</translation>
    </message>
    <message>
        <source>Insert {layer}</source>
        <translation>插入 {layer}</translation>
    </message>
    <message>
        <source>{layer} takes no input, so it cannot go into a connection; drop it on empty canvas.</source>
        <translation>{layer} 不接受输入，不能插入连线中；请把它放到画布空白处。</translation>
    </message>
    <message>
        <source>Delete 1 item</source>
        <translation>删除 1 项</translation>
    </message>
    <message>
        <source>Delete {count} items</source>
        <translation>删除 {count} 项</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连线</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连线</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连线</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Reset {param}</source>
        <translation>重置 {param}</translation>
    </message>
    <message>
        <source>Rename to {name}</source>
        <translation>重命名为 {name}</translation>
    </message>
    <message>
        <source>Freeze layer</source>
        <translation>冻结层</translation>
    </message>
    <message>
        <source>Unfreeze layer</source>
        <translation>解冻层</translation>
    </message>
    <message>
        <source>Group as {group}</source>
        <translation>编为分组 {group}</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>取消分组</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Widen {layer}</source>
        <translation>加宽 {layer}</translation>
    </message>
    <message>
        <source>Deepen after {layer}</source>
        <translation>在 {layer} 之后加深</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>{node} ({type}): input {ports} is not connected.</source>
        <translation>{node}（{type}）：输入 {ports} 未连接。</translation>
    </message>
    <message>
        <source>Connect a tensor to that port.</source>
        <translation>请把一个张量连接到该端口。</translation>
    </message>
    <message>
        <source>{node} ({type}): optional inputs must be connected in order ({ports}).</source>
        <translation>{node}（{type}）：可选输入必须按顺序连接（{ports}）。</translation>
    </message>
    <message>
        <source>Reconnect the inputs.</source>
        <translation>请重新连接输入。</translation>
    </message>
    <message>
        <source>{src} has return_sequences=False and outputs only its last step; set return_sequences=True on {src}.</source>
        <translation>{src} 设置了 return_sequences=False，只输出最后一步；请在 {src} 上设置 return_sequences=True。</translation>
    </message>
    <message>
        <source>{message} {src} (Flatten) flattened a variable-length axis.</source>
        <translation>{message} {src}（Flatten）展平了一个长度可变的轴。</translation>
    </message>
    <message>
        <source>The model has {count} outputs because nothing consumes {names}; {name} may be left dangling by mistake.</source>
        <translation>模型有 {count} 个输出，因为没有层读取 {names}；{name} 可能被误留为悬空层。</translation>
    </message>
    <message>
        <source>Connect {name} to the layer that should read it, or mark {names} as the model&apos;s outputs.</source>
        <translation>请把 {name} 连接到应当读取它的层，或把 {names} 标记为模型的输出。</translation>
    </message>
    <message>
        <source>{node} ({type}): {message}</source>
        <translation>{node}（{type}）：{message}</translation>
    </message>
    <message>
        <source>{node} ({type}) reads output {src_port} of {src}, which has only {k} outputs.</source>
        <translation>{node}（{type}）读取 {src} 的输出 {src_port}，但 {src} 只有 {k} 个输出。</translation>
    </message>
    <message>
        <source>{node} ({type}) reads output {src_port} of {src}, which has only {k} output.</source>
        <translation>{node}（{type}）读取 {src} 的输出 {src_port}，但 {src} 只有 {k} 个输出。</translation>
    </message>
    <message>
        <source>Reconnect it to an existing output of {src}.</source>
        <translation>请改接到 {src} 已有的输出上。</translation>
    </message>
    <message>
        <source>{node}: {message}</source>
        <translation>{node}：{message}</translation>
    </message>
    <message>
        <source>{node} ({type}): its shape could not be computed ({kind}: {exc}).</source>
        <translation>{node}（{type}）：无法计算其形状（{kind}：{exc}）。</translation>
    </message>
    <message>
        <source>Check the layer&apos;s parameters.</source>
        <translation>请检查该层的参数。</translation>
    </message>
    <message>
        <source>{node} ({type}) needs at least {min_inputs} inputs; only one is connected.</source>
        <translation>{node}（{type}）至少需要 {min_inputs} 个输入；目前只连接了一个。</translation>
    </message>
    <message>
        <source>{node} ({type}) needs at least {min_inputs} inputs; {have} are connected.</source>
        <translation>{node}（{type}）至少需要 {min_inputs} 个输入；目前连接了 {have} 个。</translation>
    </message>
    <message>
        <source>Connect the tensors to merge to its input ports.</source>
        <translation>请把要合并的张量连接到它的输入端口。</translation>
    </message>
    <message>
        <source>{node} ({type}): its input ports are not numbered 0..{last} (got {ports}).</source>
        <translation>{node}（{type}）：输入端口的编号不是 0..{last}（实际为 {ports}）。</translation>
    </message>
    <message>
        <source>{node} ({type}) has no input connected, so it is not reachable from an Input.</source>
        <translation>{node}（{type}）没有连接任何输入，因此无法从输入层到达。</translation>
    </message>
    <message>
        <source>Connect a layer (or an Input) to it, or delete it.</source>
        <translation>请把一个层（或输入层）连接到它，或删除它。</translation>
    </message>
    <message>
        <source>The graph has a cycle through {names}.</source>
        <translation>图中存在经过 {names} 的环。</translation>
    </message>
    <message>
        <source>A model is a directed acyclic graph; remove one of the connections.</source>
        <translation>模型是有向无环图；请删除其中一条连线。</translation>
    </message>
    <message>
        <source>The network is empty.</source>
        <translation>网络是空的。</translation>
    </message>
    <message>
        <source>Add an Input layer from the palette, or start from a preset.</source>
        <translation>请从组件面板添加一个输入层（Input），或从预设开始。</translation>
    </message>
    <message>
        <source>The network has no Input layer.</source>
        <translation>网络没有输入层（Input）。</translation>
    </message>
    <message>
        <source>Add an Input and connect it to the first layer.</source>
        <translation>请添加一个输入层（Input）并把它连接到第一层。</translation>
    </message>
    <message>
        <source>The network has no output.</source>
        <translation>网络没有输出。</translation>
    </message>
    <message>
        <source>Choose the layer(s) whose result the model returns.</source>
        <translation>请选择作为模型返回结果的层。</translation>
    </message>
    <message>
        <source>Input {node} is not connected to any layer.</source>
        <translation>输入层 {node} 没有连接到任何层。</translation>
    </message>
    <message>
        <source>Connect it, or delete it.</source>
        <translation>请连接它，或删除它。</translation>
    </message>
    <message>
        <source>The model output {node}:{port} does not exist.</source>
        <translation>模型输出 {node}:{port} 不存在。</translation>
    </message>
    <message>
        <source>Choose an existing output port.</source>
        <translation>请选择一个已有的输出端口。</translation>
    </message>
    <message>
        <source>The layer name {node} is used twice.</source>
        <translation>层名 {node} 被使用了两次。</translation>
    </message>
    <message>
        <source>Rename one of them; names must be unique in a model.</source>
        <translation>请重命名其中一个；模型中的层名必须唯一。</translation>
    </message>
    <message>
        <source>ReLU: max_value ({max_value}) is below threshold ({threshold}), so every input above the threshold is clipped to {max_value}.</source>
        <translation>ReLU：max_value（{max_value}）低于 threshold（{threshold}），因此所有高于阈值的输入都会被截断为 {max_value}。</translation>
    </message>
    <message>
        <source>Raise max_value or lower threshold.</source>
        <translation>请提高 max_value 或降低 threshold。</translation>
    </message>
    <message>
        <source>PReLU: shared_axes must count from 1 (the first axis after the batch); got {axis} for input {shape}.</source>
        <translation>PReLU：shared_axes 必须从 1 开始计数（批轴之后的第一个轴）；对输入 {shape} 得到的是 {axis}。</translation>
    </message>
    <message>
        <source>Use positive axes 1..{value}; e.g. shared_axes=[1, 2] shares the slopes over height and width of an image. Keras reads negative values differently from Python.</source>
        <translation>请使用正的轴编号 1..{value}；例如 shared_axes=[1, 2] 让图像的高和宽共享斜率。Keras 对负值的解释与 Python 不同。</translation>
    </message>
    <message>
        <source>PReLU cannot be built: axis {axis} of its input {shape} has unknown size and PReLU learns one slope per position on it.</source>
        <translation>无法构建 PReLU：其输入 {shape} 的轴 {axis} 大小未知，而 PReLU 在该轴的每个位置上学习一个斜率。</translation>
    </message>
    <message>
        <source>Add {axis} to shared_axes to share the slopes along that axis.</source>
        <translation>把 {axis} 加入 shared_axes，使该轴上共享斜率。</translation>
    </message>
    <message>
        <source>{layer} needs a query and a value input; only {count} connected.</source>
        <translation>{layer} 需要 query 和 value 两个输入；目前只连接了 {count} 个。</translation>
    </message>
    <message>
        <source>For self-attention connect the same tensor to both query and value.</source>
        <translation>做自注意力时，请把同一个张量同时连接到 query 和 value。</translation>
    </message>
    <message>
        <source>{layer} needs query, value and key of the same rank, but receives {listed}.</source>
        <translation>{layer} 需要维数相同的 query、value 和 key，但收到的是 {listed}。</translation>
    </message>
    <message>
        <source>Reshape the inputs so they have the same number of axes.</source>
        <translation>请改变输入的形状（Reshape），使它们的轴数相同。</translation>
    </message>
    <message>
        <source>output_shape must be positive integers (got {output_shape}).</source>
        <translation>output_shape 必须是正整数（实际为 {output_shape}）。</translation>
    </message>
    <message>
        <source>MultiHeadAttention attention_axes={axes} must name axes between the batch and the feature axis of its {rank}-D inputs (1 to {value}); {bad_0} is not one.</source>
        <translation>MultiHeadAttention 的 attention_axes={axes} 必须是其 {rank} 维输入中位于批轴和特征轴之间的轴（1 到 {value}）；{bad_0} 不是。</translation>
    </message>
    <message>
        <source>Leave attention_axes empty to attend over every axis except batch and features.</source>
        <translation>将 attention_axes 留空，即在除批轴和特征轴之外的所有轴上做注意力。</translation>
    </message>
    <message>
        <source>MultiHeadAttention attention_axes={axes} names an axis twice.</source>
        <translation>MultiHeadAttention 的 attention_axes={axes} 重复指定了同一个轴。</translation>
    </message>
    <message>
        <source>MultiHeadAttention: key {k} and value {v} must have the same length (every axis except the last must match).</source>
        <translation>MultiHeadAttention：key {k} 与 value {v} 的长度必须相同（除最后一个轴外，每个轴都必须一致）。</translation>
    </message>
    <message>
        <source>Connect a key with one entry per value step, or leave key unconnected to use the value as the key.</source>
        <translation>请连接一个与 value 每一步一一对应的 key，或不连接 key，此时以 value 作为 key。</translation>
    </message>
    <message>
        <source>{layer} expects a {port} sequence with at least {min_rank} axes (batch, timesteps, features) but receives {s}.</source>
        <translation>{layer} 需要一个至少有 {min_rank} 个轴（batch, timesteps, features）的 {port} 序列，但收到的是 {s}。</translation>
    </message>
    <message>
        <source>{layer} cannot be built: the feature axis of its {port} {named} has unknown size.</source>
        <translation>无法构建 {layer}：其 {port} {named} 的特征轴大小未知。</translation>
    </message>
    <message>
        <source>Give the Input a fixed number of features.</source>
        <translation>请为输入层指定固定的特征数。</translation>
    </message>
    <message>
        <source>Add a Dense projection to one of them so the last axes match, or use MultiHeadAttention, which projects query and key itself.</source>
        <translation>请给其中一个加一个 Dense 投影，使最后一个轴一致；或使用 MultiHeadAttention，它会自行投影 query 和 key。</translation>
    </message>
    <message>
        <source>flash_attention cannot be combined with dropout (dropout={dropout}).</source>
        <translation>flash_attention 不能与舍弃（dropout）同时使用（dropout={dropout}）。</translation>
    </message>
    <message>
        <source>Set dropout to 0, or turn flash_attention off.</source>
        <translation>请把 dropout 设为 0，或关闭 flash_attention。</translation>
    </message>
    <message>
        <source>flash_attention cannot return the attention scores.</source>
        <translation>flash_attention 无法返回注意力分数。</translation>
    </message>
    <message>
        <source>Turn flash_attention off to get the attention_scores output.</source>
        <translation>请关闭 flash_attention 以得到 attention_scores 输出。</translation>
    </message>
    <message>
        <source>MultiHeadAttention: query {q} and key {k} differ on axis {axis} ({q2} vs {k2}), which is not an attention axis.</source>
        <translation>MultiHeadAttention：query {q} 与 key {k} 在轴 {axis} 上不同（{q2} 对 {k2}），而该轴不是注意力轴。</translation>
    </message>
    <message>
        <source>Make the non-attention axes agree, or list the axis in attention_axes.</source>
        <translation>请让非注意力轴保持一致，或把该轴列入 attention_axes。</translation>
    </message>
    <message>
        <source>Reshape the input to (timesteps, features).</source>
        <translation>请把输入的形状改为 (timesteps, features)。</translation>
    </message>
    <message>
        <source>{layer}: query {q} and key {k} must have the same feature size ({q2} vs {k2}) to be compared.</source>
        <translation>{layer}：query {q} 与 key {k} 的特征大小必须相同才能比较（{q2} 对 {k2}）。</translation>
    </message>
    <message>
        <source>{layer}: query {q} and value (used as the key) {k} must have the same feature size ({q2} vs {k2}) to be compared.</source>
        <translation>{layer}：query {q} 与 value（用作 key）{k} 的特征大小必须相同才能比较（{q2} 对 {k2}）。</translation>
    </message>
    <message>
        <source>{layer}: key {k} and value {v} must have the same length (axis {axis}: {k2} vs {v2}).</source>
        <translation>{layer}：key {k} 与 value {v} 的长度必须相同（轴 {axis}：{k2} 对 {v2}）。</translation>
    </message>
    <message>
        <source>{layer}: query {q} and key {k} differ on axis {axis} ({q2} vs {k2}); only the sequence and feature axes may differ.</source>
        <translation>{layer}：query {q} 与 key {k} 在轴 {axis} 上不同（{q2} 对 {k2}）；只有序列轴和特征轴可以不同。</translation>
    </message>
    <message>
        <source>Make the leading axes of the inputs agree.</source>
        <translation>请让输入的前几个轴保持一致。</translation>
    </message>
    <message>
        <source>{name} must be {what} (got {got}).</source>
        <translation>{name} 必须是{what}（实际为 {got}）。</translation>
    </message>
    <message>
        <source>one of {options}</source>
        <translation>{options} 之一</translation>
    </message>
    <message>
        <source>a positive integer or a list of {rank} positive integers</source>
        <translation>正整数，或由 {rank} 个正整数组成的列表</translation>
    </message>
    <message>
        <source>a Keras activation name such as &apos;relu&apos;, &apos;sigmoid&apos; or &apos;softmax&apos;</source>
        <translation>Keras 激活函数名，例如 &apos;relu&apos;、&apos;sigmoid&apos; 或 &apos;softmax&apos;</translation>
    </message>
    <message>
        <source>a Keras initializer such as &apos;glorot_uniform&apos; or {{&apos;random_normal&apos;: {{&apos;stddev&apos;: 0.05}}}}</source>
        <translation>Keras 初始化器，例如 &apos;glorot_uniform&apos; 或 {{&apos;random_normal&apos;: {{&apos;stddev&apos;: 0.05}}}}</translation>
    </message>
    <message>
        <source>a regularizer such as &apos;l2&apos;, {{&apos;l2&apos;: 0.01}} or {{&apos;l1&apos;: 0.001, &apos;l2&apos;: 0.01}}</source>
        <translation>正则化器，例如 &apos;l2&apos;、{{&apos;l2&apos;: 0.01}} 或 {{&apos;l1&apos;: 0.001, &apos;l2&apos;: 0.01}}</translation>
    </message>
    <message>
        <source>a constraint such as &apos;max_norm&apos;, &apos;non_neg&apos; or {{&apos;max_norm&apos;: {{&apos;max_value&apos;: 2}}}}</source>
        <translation>约束，例如 &apos;max_norm&apos;、&apos;non_neg&apos; 或 {{&apos;max_norm&apos;: {{&apos;max_value&apos;: 2}}}}</translation>
    </message>
    <message>
        <source>{name} cannot be empty (None).</source>
        <translation>{name} 不能为空（None）。</translation>
    </message>
    <message>
        <source>{op} {lo}</source>
        <translation>{op} {lo}</translation>
    </message>
    <message>
        <source>{op} {hi}</source>
        <translation>{op} {hi}</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>an integer of at most {max} (64 bits)</source>
        <translation>不超过 {max} 的整数（64 位）</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>有限的数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>made of integers</source>
        <translation>由整数组成</translation>
    </message>
    <message>
        <source>a list of positive integers (or null for unknown)</source>
        <translation>正整数列表（未知的大小写 null）</translation>
    </message>
    <message>
        <source>a non-empty list of integers</source>
        <translation>非空的整数列表</translation>
    </message>
    <message>
        <source>an integer axis or a list of axes</source>
        <translation>整数轴编号或轴编号列表</translation>
    </message>
    <message>
        <source>{name}: {what} must be a finite number (got {value}).</source>
        <translation>{name}：{what} 必须是有限的数（实际为 {value}）。</translation>
    </message>
    <message>
        <source>a layer config like {{&apos;type&apos;: &apos;LSTM&apos;, &apos;params&apos;: {{&apos;units&apos;: 32}}}}</source>
        <translation>层配置，例如 {{&apos;type&apos;: &apos;LSTM&apos;, &apos;params&apos;: {{&apos;units&apos;: 32}}}}</translation>
    </message>
    <message>
        <source>{name}: unknown layer type {type}.</source>
        <translation>{name}：未知的层类型 {type}。</translation>
    </message>
    <message>
        <source>a layer config whose params are an object</source>
        <translation>params 为对象的层配置</translation>
    </message>
    <message>
        <source>{type} has no parameter {unknown_0}.</source>
        <translation>{type} 没有参数 {unknown_0}。</translation>
    </message>
    <message>
        <source>Known parameters: {known}.</source>
        <translation>已知参数：{known}。</translation>
    </message>
    <message>
        <source>made of positive integers</source>
        <translation>由正整数组成</translation>
    </message>
    <message>
        <source>made of integers ≥ 0</source>
        <translation>由 ≥ 0 的整数组成</translation>
    </message>
    <message>
        <source>a list of integers</source>
        <translation>整数列表</translation>
    </message>
    <message>
        <source>the {kind} config key {key} is not a Python identifier, so Keras cannot take it as an argument.</source>
        <translation>{kind} 配置的键 {key} 不是合法的 Python 标识符，Keras 无法把它作为参数。</translation>
    </message>
    <message>
        <source>Config keys are argument names such as &apos;stddev&apos; or &apos;max_value&apos;.</source>
        <translation>配置的键是参数名，例如 &apos;stddev&apos; 或 &apos;max_value&apos;。</translation>
    </message>
    <message>
        <source>{name} ({type}): {message}</source>
        <translation>{name}（{type}）：{message}</translation>
    </message>
    <message>
        <source>{type} needs a value for {name}.</source>
        <translation>{type} 需要为 {name} 指定一个值。</translation>
    </message>
    <message>
        <source>a regularizer such as {{&apos;l2&apos;: 0.01}} with a factor ≥ 0</source>
        <translation>正则化器，例如 {{&apos;l2&apos;: 0.01}}，系数 ≥ 0</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>window</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <source>{layer} expects a {need}-D input {input_desc} but receives {shape}.</source>
        <translation>{layer} 需要 {need} 维的输入 {input_desc}，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>Add a channel axis: Reshape to {shape}.</source>
        <translation>请添加通道轴：Reshape 为 {shape}。</translation>
    </message>
    <message>
        <source>{hint} If the last axis already holds the channels of a sequence, use {variant}.</source>
        <translation>{hint} 如果最后一个轴已经是序列的通道，请使用 {variant}。</translation>
    </message>
    <message>
        <source>Use {variants} for a {have}-D input, or reshape the input to {value} non-batch axes.</source>
        <translation>对 {have} 维输入请使用 {variants}，或把输入改为 {value} 个非批轴的形状。</translation>
    </message>
    <message>
        <source>The kernel is sized by the number of input channels, so it must be fixed: give the Input a fixed channel count.</source>
        <translation>卷积核的大小由输入通道数决定，因此通道数必须固定：请为输入层指定固定的通道数。</translation>
    </message>
    <message>
        <source>{layer}: a {what} of size {size} (spanning {span} with dilation_rate {dilation}) does not fit the input {shape} of length {input} with padding=&apos;{padding}&apos;; the output length would be {out}.</source>
        <translation>{layer}：大小为 {size} 的{what}（在 dilation_rate {dilation} 下跨越 {span}）放不进长度为 {input} 的输入 {shape}（padding=&apos;{padding}&apos;）；输出长度将是 {out}。</translation>
    </message>
    <message>
        <source>{layer}: strides {strides} and dilation_rate {dilation_rate} cannot both be greater than 1.</source>
        <translation>{layer}：strides {strides} 与 dilation_rate {dilation_rate} 不能同时大于 1。</translation>
    </message>
    <message>
        <source>Use strides=1 with a dilated kernel (add a pooling layer after it to downsample), or dilation_rate=1 with strides.</source>
        <translation>请对空洞卷积核使用 strides=1（在其后加池化层来下采样），或在使用步长时设 dilation_rate=1。</translation>
    </message>
    <message>
        <source>a {size} kernel with padding=&apos;{padding}&apos; and output_padding {output_padding}</source>
        <translation>padding=&apos;{padding}&apos;、output_padding 为 {output_padding} 的 {size} 卷积核</translation>
    </message>
    <message>
        <source>Use an odd kernel_size, a larger output_padding, or padding=&apos;valid&apos;.</source>
        <translation>请使用奇数的 kernel_size、更大的 output_padding，或 padding=&apos;valid&apos;。</translation>
    </message>
    <message>
        <source>{layer}: padding=&apos;causal&apos; is only available for Conv1D.</source>
        <translation>{layer}：padding=&apos;causal&apos; 只适用于 Conv1D。</translation>
    </message>
    <message>
        <source>Use padding=&apos;same&apos; or &apos;valid&apos; here; causal padding is for sequence models built with Conv1D.</source>
        <translation>这里请使用 padding=&apos;same&apos; 或 &apos;valid&apos;；因果填充用于以 Conv1D 构建的序列模型。</translation>
    </message>
    <message>
        <source>For a single image use {variants_2}; {layer} is for video or volumes.</source>
        <translation>单张图像请使用 {variants_2}；{layer} 用于视频或三维体数据。</translation>
    </message>
    <message>
        <source>{layer} cannot be built: the first (channel) axis of its input {shape} has unknown size.</source>
        <translation>无法构建 {layer}：其输入 {shape} 的第一个（通道）轴大小未知。</translation>
    </message>
    <message>
        <source>{layer} cannot be built: the last (channel) axis of its input {shape} has unknown size.</source>
        <translation>无法构建 {layer}：其输入 {shape} 的最后一个（通道）轴大小未知。</translation>
    </message>
    <message>
        <source>{layer}: a {what} of size {size} does not fit the input {shape} of length {input} with padding=&apos;{padding}&apos;; the output length would be {out}.</source>
        <translation>{layer}：大小为 {size} 的{what}放不进长度为 {input} 的输入 {shape}（padding=&apos;{padding}&apos;）；输出长度将是 {out}。</translation>
    </message>
    <message>
        <source>Use padding=&apos;same&apos;, a smaller {what}, or fewer downsampling layers before it.</source>
        <translation>请使用 padding=&apos;same&apos;（全零填充）、更小的{what}，或在它之前减少下采样层。</translation>
    </message>
    <message>
        <source>{name}: groups={groups} must divide both filters ({filters}) and the input channels ({channels}).</source>
        <translation>{name}：groups={groups} 必须同时整除 filters（{filters}）和输入通道数（{channels}）。</translation>
    </message>
    <message>
        <source>Pick groups among the common divisors of {filters} and {channels}.</source>
        <translation>请在 {filters} 与 {channels} 的公约数中选择 groups。</translation>
    </message>
    <message>
        <source>{name}: groups={groups} must divide filters ({filters}).</source>
        <translation>{name}：groups={groups} 必须整除 filters（{filters}）。</translation>
    </message>
    <message>
        <source>Grouped convolution splits filters and input channels into equal groups.</source>
        <translation>分组卷积把卷积核和输入通道平均分成若干组。</translation>
    </message>
    <message>
        <source>{layer}: a {size} {what} (spanning {span} with dilation_rate {dilation}) does not fit the {input} input {shape} with padding=&apos;{padding}&apos;; the output would be {out}.</source>
        <translation>{layer}：{size} 的{what}（在 dilation_rate {dilation} 下跨越 {span}）放不进 {input} 的输入 {shape}（padding=&apos;{padding}&apos;）；输出将是 {out}。</translation>
    </message>
    <message>
        <source>{layer}: a {size} {what} does not fit the {input} input {shape} with padding=&apos;{padding}&apos;; the output would be {out}.</source>
        <translation>{layer}：{size} 的{what}放不进 {input} 的输入 {shape}（padding=&apos;{padding}&apos;）；输出将是 {out}。</translation>
    </message>
    <message>
        <source>{name}: output_padding {output_padding} must be smaller than strides {strides} on every axis.</source>
        <translation>{name}：output_padding {output_padding} 在每个轴上都必须小于 strides {strides}。</translation>
    </message>
    <message>
        <source>Use output_padding between 0 and strides - 1, or leave it empty.</source>
        <translation>请使用 0 到 strides - 1 之间的 output_padding，或将其留空。</translation>
    </message>
    <message>
        <source>The target shape must hold as many values as one input sample; use -1 for one axis to have its size computed.</source>
        <translation>目标形状的元素数必须与一个输入样本相同；可以用 -1 让某一个轴的大小自动计算。</translation>
    </message>
    <message>
        <source>Dense cannot be built: the last axis of its input {shape} has unknown size.</source>
        <translation>无法构建 Dense：其输入 {shape} 的最后一个轴大小未知。</translation>
    </message>
    <message>
        <source>This usually comes from a Flatten over a variable-length axis. Use GlobalAveragePooling or an RNN with return_sequences=False, or give the Input a fixed size.</source>
        <translation>这通常是因为 Flatten 展平了长度可变的轴。请使用 GlobalAveragePooling 或 return_sequences=False 的循环神经网络层，或为输入层指定固定大小。</translation>
    </message>
    <message>
        <source>Dense receives {shape} and acts on the last axis only, so its output is {shape2}, not (None, {units}).</source>
        <translation>Dense 收到 {shape}，只作用于最后一个轴，因此输出是 {shape2}，而不是 (None, {units})。</translation>
    </message>
    <message>
        <source>Add Flatten or GlobalAveragePooling before it if you want one vector per sample.</source>
        <translation>如果希望每个样本得到一个向量，请在它之前加 Flatten 或 GlobalAveragePooling。</translation>
    </message>
    <message>
        <source>Reshape target_shape {target} has {unknown} unknown axes; at most one may be -1 (or None).</source>
        <translation>Reshape 的 target_shape {target} 有 {unknown} 个未知轴；最多只能有一个是 -1（或 None）。</translation>
    </message>
    <message>
        <source>Give every axis but one an explicit size.</source>
        <translation>请为除一个轴外的所有轴指定明确的大小。</translation>
    </message>
    <message>
        <source>Reshape receives {shape}, which has an empty axis.</source>
        <translation>Reshape 收到的 {shape} 有一个空轴。</translation>
    </message>
    <message>
        <source>Fix the layer before it so that every axis keeps at least one value.</source>
        <translation>请修正它之前的层，使每个轴至少保留一个值。</translation>
    </message>
    <message>
        <source>Reshape cannot turn {shape} into target_shape {target} ({target_known} values): each input sample holds a multiple of {in_known} values.</source>
        <translation>Reshape 无法把 {shape} 变为 target_shape {target}（{target_known} 个值）：每个输入样本包含的值数是 {in_known} 的倍数。</translation>
    </message>
    <message>
        <source>Reshape to {target} only works when the unknown axes of its input {shape} hold exactly {value} values in total.</source>
        <translation>只有当输入 {shape} 的未知轴总共恰好包含 {value} 个值时，Reshape 为 {target} 才可行。</translation>
    </message>
    <message>
        <source>Use -1 in target_shape to follow a variable input size.</source>
        <translation>请在 target_shape 中使用 -1，以适应可变的输入大小。</translation>
    </message>
    <message>
        <source>Permute dims {dims} is not a reordering of the non-batch axes 1..{r}; the batch axis (0) cannot move.</source>
        <translation>Permute 的 dims {dims} 不是非批轴 1..{r} 的一个排列；批轴（0）不能移动。</translation>
    </message>
    <message>
        <source>Use each of 1..{r} exactly once, e.g. {example}.</source>
        <translation>1..{r} 中的每个数请恰好使用一次，例如 {example}。</translation>
    </message>
    <message>
        <source>Permute dims {dims} has {count} entries but its input {shape} has {have} non-batch axes.</source>
        <translation>Permute 的 dims {dims} 有 {count} 项，但其输入 {shape} 有 {have} 个非批轴。</translation>
    </message>
    <message>
        <source>Flatten it, or use an RNN with return_sequences=False before it.</source>
        <translation>请先展平（Flatten），或在它之前使用 return_sequences=False 的循环神经网络层。</translation>
    </message>
    <message>
        <source>Add a Reshape to (1,) or a Dense before it.</source>
        <translation>请在它之前添加 Reshape 为 (1,) 或一个 Dense。</translation>
    </message>
    <message>
        <source>Embedding expects integer indices with a batch axis, e.g. (batch, sequence_length), but receives {shape}.</source>
        <translation>Embedding 需要带批轴的整数索引，例如 (batch, sequence_length)，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>Dropout noise_shape {noise} has {count} axes but its input {shape} has {count2} (noise_shape includes the batch axis).</source>
        <translation>Dropout 的 noise_shape {noise} 有 {count} 个轴，但其输入 {shape} 有 {count2} 个（noise_shape 包含批轴）。</translation>
    </message>
    <message>
        <source>Reshape cannot turn {shape} ({in_known} values per sample) into target_shape {target} ({target_known} values).</source>
        <translation>Reshape 无法把 {shape}（每个样本 {in_known} 个值）变为 target_shape {target}（{target_known} 个值）。</translation>
    </message>
    <message>
        <source>Reshape cannot turn {shape} ({in_known} values per sample) into target_shape {target}: {in_known} is not a multiple of the {target_known} values the known axes hold.</source>
        <translation>Reshape 无法把 {shape}（每个样本 {in_known} 个值）变为 target_shape {target}：{in_known} 不是已知轴所含的 {target_known} 个值的倍数。</translation>
    </message>
    <message>
        <source>Give a reordering of 1..{have}.</source>
        <translation>请给出 1..{have} 的一个排列。</translation>
    </message>
    <message>
        <source>Permute needs an input with axes to reorder.</source>
        <translation>Permute 需要有可重排的轴的输入。</translation>
    </message>
    <message>
        <source>Give one entry per input axis, e.g. {shape} to drop the same features at every step.</source>
        <translation>请为每个输入轴给出一项，例如 {shape}，在每一步舍弃相同的特征。</translation>
    </message>
    <message>
        <source>Give one entry per input axis, batch axis first (None).</source>
        <translation>请为每个输入轴给出一项，批轴在前（None）。</translation>
    </message>
    <message>
        <source>Dropout noise_shape {noise} does not fit its input {shape}: axis {axis} is {n} but the input has {d}.</source>
        <translation>Dropout 的 noise_shape {noise} 与其输入 {shape} 不符：轴 {axis} 为 {n}，而输入为 {d}。</translation>
    </message>
    <message>
        <source>Each noise_shape entry must be 1 (share the mask along that axis), None or the input&apos;s size.</source>
        <translation>noise_shape 的每一项必须是 1（沿该轴共享掩码）、None 或输入在该轴的大小。</translation>
    </message>
    <message>
        <source>A SharedCall reuses the layer of another node; it is built by engine.keras_build, not on its own.</source>
        <translation>SharedCall 复用另一个节点的层；它由 engine.keras_build 构建，不能单独构建。</translation>
    </message>
    <message>
        <source>{class_name} is not in the NeuroCanvas catalog; Keras computed its shapes for input {recorded}, but it now receives {got}.</source>
        <translation>{class_name} 不在 NeuroCanvas 的层目录中；Keras 按输入 {recorded} 计算了它的形状，但现在它收到的是 {got}。</translation>
    </message>
    <message>
        <source>NeuroCanvas does not guess: update its shapes from Keras (engine.keras_import.refresh_generic), or restore the input shape.</source>
        <translation>NeuroCanvas 不做猜测：请从 Keras 更新它的形状（engine.keras_import.refresh_generic），或恢复原来的输入形状。</translation>
    </message>
    <message>
        <source>An index can hold only one ellipsis (...).</source>
        <translation>一个索引中只能有一个省略号（...）。</translation>
    </message>
    <message>
        <source>The index takes {consuming} axes but the input {shape} has {count}.</source>
        <translation>该索引占用 {consuming} 个轴，但输入 {shape} 只有 {count} 个。</translation>
    </message>
    <message>
        <source>Remove an index, or give the input more axes.</source>
        <translation>请删去一个索引，或给输入更多的轴。</translation>
    </message>
    <message>
        <source>call_style must be one of {names}.</source>
        <translation>call_style 必须是 {names} 之一。</translation>
    </message>
    <message>
        <source>call_args must list the call&apos;s positional arguments.</source>
        <translation>call_args 必须列出调用的位置参数。</translation>
    </message>
    <message>
        <source>output_shapes must list at least one shape.</source>
        <translation>output_shapes 至少要列出一个形状。</translation>
    </message>
    <message>
        <source>config must be the Keras config object of the layer.</source>
        <translation>config 必须是该层的 Keras 配置对象。</translation>
    </message>
    <message>
        <source>class_name must be a Keras class name (got {class_name}).</source>
        <translation>class_name 必须是 Keras 类名（实际为 {class_name}）。</translation>
    </message>
    <message>
        <source>module must be a dotted module path such as &apos;keras.layers&apos; (got {module}).</source>
        <translation>module 必须是以点分隔的模块路径，例如 &apos;keras.layers&apos;（实际为 {module}）。</translation>
    </message>
    <message>
        <source>registered_name must be a string or null.</source>
        <translation>registered_name 必须是字符串或 null。</translation>
    </message>
    <message>
        <source>call arguments nested too deep</source>
        <translation>调用参数嵌套过深</translation>
    </message>
    <message>
        <source>a call argument cannot be {kind}</source>
        <translation>调用参数不能是 {kind}</translation>
    </message>
    <message>
        <source>shares must be the id of the node whose layer is called again.</source>
        <translation>shares 必须是被再次调用其层的节点的 id。</translation>
    </message>
    <message>
        <source>{class_name} takes input {missing_0} in its call_args, but only {count} input(s) are connected.</source>
        <translation>{class_name} 在 call_args 中使用输入 {missing_0}，但只连接了 {count} 个输入。</translation>
    </message>
    <message>
        <source>Connect the missing input, or re-import the model.</source>
        <translation>请连接缺少的输入，或重新导入模型。</translation>
    </message>
    <message>
        <source>{key} must be a list of shapes (lists of integers or null).</source>
        <translation>{key} 必须是形状列表（由整数或 null 组成的列表）。</translation>
    </message>
    <message>
        <source>config key {key} is not a Python identifier; Keras passes the config&apos;s keys to the layer as argument names.</source>
        <translation>配置的键 {key} 不是合法的 Python 标识符；Keras 会把配置的键作为参数名传给该层。</translation>
    </message>
    <message>
        <source>call_kwargs must be an object of keyword arguments.</source>
        <translation>call_kwargs 必须是由关键字参数组成的对象。</translation>
    </message>
    <message>
        <source>an array nested too deep</source>
        <translation>数组嵌套过深</translation>
    </message>
    <message>
        <source>{{&apos;__input__&apos;: port}} needs the number of an input port</source>
        <translation>{{&apos;__input__&apos;: port}} 需要一个输入端口的编号</translation>
    </message>
    <message>
        <source>call_args: a tensor slot must be {{&quot;__input__&quot;: port}} with a port number ≥ 0 (got {template}).</source>
        <translation>call_args：张量槽位必须是 {{&quot;__input__&quot;: port}}，端口编号 ≥ 0（实际为 {template}）。</translation>
    </message>
    <message>
        <source>Index {v} is out of range for an axis of size {dim}.</source>
        <translation>索引 {v} 超出了大小为 {dim} 的轴的范围。</translation>
    </message>
    <message>
        <source>Pick an index inside the axis.</source>
        <translation>请选择该轴范围内的索引。</translation>
    </message>
    <message>
        <source>{key}: {reason}.</source>
        <translation>{key}：{reason}。</translation>
    </message>
    <message>
        <source>call_kwargs key {key} is not a Python identifier; keyword arguments are names such as &apos;training&apos; or &apos;mask&apos;.</source>
        <translation>call_kwargs 的键 {key} 不是合法的 Python 标识符；关键字参数是 &apos;training&apos; 或 &apos;mask&apos; 这样的名字。</translation>
    </message>
    <message>
        <source>an array holds only numbers</source>
        <translation>数组只能包含数</translation>
    </message>
    <message>
        <source>{{&apos;slice&apos;: [start, stop, step]}} takes integers or null</source>
        <translation>{{&apos;slice&apos;: [start, stop, step]}} 只接受整数或 null</translation>
    </message>
    <message>
        <source>a slice&apos;s step cannot be zero</source>
        <translation>切片的 step 不能为零</translation>
    </message>
    <message>
        <source>{{&apos;ellipsis&apos;: true}} is the only ellipsis</source>
        <translation>{{&apos;ellipsis&apos;: true}} 是唯一的省略号写法</translation>
    </message>
    <message>
        <source>{{&apos;tuple&apos;: [...]}} takes a list</source>
        <translation>{{&apos;tuple&apos;: [...]}} 需要一个列表</translation>
    </message>
    <message>
        <source>an array&apos;s dtype is one of {names}</source>
        <translation>数组的 dtype 必须是 {names} 之一</translation>
    </message>
    <message>
        <source>a constant array holds at most {limit} numbers</source>
        <translation>常量数组最多包含 {limit} 个数</translation>
    </message>
    <message>
        <source>Element-wise merges need equal shapes (or a size-1 axis to broadcast). Add a Dense or 1×1 Conv projection so the sizes match, or use Concatenate to stack them instead.</source>
        <translation>逐元素合并要求形状相同（或某个轴大小为 1 以便广播）。请添加 Dense 或 1×1 卷积投影使大小一致，或改用 Concatenate 把它们拼接起来。</translation>
    </message>
    <message>
        <source>{layer}: the inputs have different batch sizes ({names}).</source>
        <translation>{layer}：各输入的批大小不同（{names}）。</translation>
    </message>
    <message>
        <source>Give every Input the same batch_size, or leave it empty.</source>
        <translation>请给每个输入层相同的 batch_size，或将其留空。</translation>
    </message>
    <message>
        <source>Concatenate needs at least two inputs; only {n} connected.</source>
        <translation>Concatenate 至少需要两个输入；目前只连接了 {n} 个。</translation>
    </message>
    <message>
        <source>Connect the tensors to join to its input ports.</source>
        <translation>请把要拼接的张量连接到它的输入端口。</translation>
    </message>
    <message>
        <source>Concatenate cannot join inputs of different ranks: {listed}.</source>
        <translation>Concatenate 无法拼接维数不同的输入：{listed}。</translation>
    </message>
    <message>
        <source>Reshape or Flatten the inputs so they have the same number of axes, or use GlobalAveragePooling to reduce a feature map to a vector.</source>
        <translation>请用 Reshape 或 Flatten 使输入的轴数相同，或用 GlobalAveragePooling 把特征图压缩为向量。</translation>
    </message>
    <message>
        <source>Concatenate axis={axis} does not exist for inputs of rank {rank} such as {shapes_0}.</source>
        <translation>对于维数为 {rank} 的输入（如 {shapes_0}），Concatenate 的 axis={axis} 不存在。</translation>
    </message>
    <message>
        <source>Use an axis from 1 to {value} (or -1 for the last).</source>
        <translation>请使用 1 到 {value} 之间的轴（或用 -1 表示最后一个轴）。</translation>
    </message>
    <message>
        <source>Concatenate axis={axis} is the batch axis of {shapes_0}.</source>
        <translation>Concatenate 的 axis={axis} 是 {shapes_0} 的批轴。</translation>
    </message>
    <message>
        <source>Concatenate along a feature axis, usually -1 (channels).</source>
        <translation>请沿特征轴拼接，通常是 -1（通道）。</translation>
    </message>
    <message>
        <source>axes must be one integer or a pair of integers (got {axes}).</source>
        <translation>axes 必须是一个整数或一对整数（实际为 {axes}）。</translation>
    </message>
    <message>
        <source>Give one axis for both inputs, or [axis_of_first, axis_of_second].</source>
        <translation>请给两个输入同一个轴，或写成 [第一个输入的轴, 第二个输入的轴]。</translation>
    </message>
    <message>
        <source>Dot takes exactly 2 inputs; {count} are connected.</source>
        <translation>Dot 恰好需要 2 个输入；目前连接了 {count} 个。</translation>
    </message>
    <message>
        <source>Connect the two tensors whose dot product you want.</source>
        <translation>请连接要做点积的两个张量。</translation>
    </message>
    <message>
        <source>Dot needs inputs with at least one axis besides the batch, but receives {s1} and {s2}.</source>
        <translation>Dot 需要除批轴外至少还有一个轴的输入，但收到的是 {s1} 和 {s2}。</translation>
    </message>
    <message>
        <source>Dot: axis {a1} of {s1} has size {d1} but axis {a2} of {s2} has size {d2}; the dot product needs them equal.</source>
        <translation>Dot：{s1} 的轴 {a1} 大小为 {d1}，而 {s2} 的轴 {a2} 大小为 {d2}；点积要求两者相等。</translation>
    </message>
    <message>
        <source>Choose axes of equal size, or add a Dense projection to match them.</source>
        <translation>请选择大小相等的轴，或添加 Dense 投影使它们一致。</translation>
    </message>
    <message>
        <source>Dot: the inputs have different batch sizes ({s1} and {s2}).</source>
        <translation>Dot：两个输入的批大小不同（{s1} 和 {s2}）。</translation>
    </message>
    <message>
        <source>Give both Inputs the same batch_size, or leave it empty.</source>
        <translation>请给两个输入层相同的 batch_size，或将其留空。</translation>
    </message>
    <message>
        <source>{layer} receives a shape without a batch axis: {s}.</source>
        <translation>{layer} 收到的形状没有批轴：{s}。</translation>
    </message>
    <message>
        <source>{layer} needs at least two inputs; only {n} connected.</source>
        <translation>{layer} 至少需要两个输入；目前只连接了 {n} 个。</translation>
    </message>
    <message>
        <source>{layer} takes exactly {exactly} inputs; {n} are connected.</source>
        <translation>{layer} 恰好需要 {exactly} 个输入；目前连接了 {n} 个。</translation>
    </message>
    <message>
        <source>Subtract computes first − second; chain several layers for more.</source>
        <translation>Subtract 计算 第一个 − 第二个；更多输入请串联多个层。</translation>
    </message>
    <message>
        <source>{layer}: {joined} will broadcast to {out}.</source>
        <translation>{layer}：{joined} 将广播为 {out}。</translation>
    </message>
    <message>
        <source>Check this is intended; element-wise merges usually take equal shapes.</source>
        <translation>请确认这是有意为之；逐元素合并通常要求形状相同。</translation>
    </message>
    <message>
        <source>Resize the inputs so they agree (pooling, cropping, padding or a projection), or concatenate along the axis that differs.</source>
        <translation>请调整输入的大小使其一致（池化、裁剪、填充或投影），或沿不同的那个轴拼接。</translation>
    </message>
    <message>
        <source>Dot axes={value} does not exist for the input {s}.</source>
        <translation>Dot 的 axes={value} 对输入 {s} 不存在。</translation>
    </message>
    <message>
        <source>Dot cannot take the product over the batch axis (axes={value}).</source>
        <translation>Dot 不能在批轴上求积（axes={value}）。</translation>
    </message>
    <message>
        <source>Use a feature axis, usually -1.</source>
        <translation>请使用特征轴，通常是 -1。</translation>
    </message>
    <message>
        <source>Dot: axis {a1} of {s1} and axis {a2} of {s2} must have the same known size ({d1} vs {d2}).</source>
        <translation>Dot：{s1} 的轴 {a1} 与 {s2} 的轴 {a2} 必须有相同的已知大小（{d1} 对 {d2}）。</translation>
    </message>
    <message>
        <source>Give the Input a fixed size on the axis being multiplied.</source>
        <translation>请为输入层在相乘的轴上指定固定大小。</translation>
    </message>
    <message>
        <source>Concatenate along axis {axis}: inputs {a} and {b} must match on every other axis, but the batch size is {a2} vs {b2}.</source>
        <translation>沿轴 {axis} 拼接：输入 {a} 和 {b} 在其他每个轴上都必须一致，但批大小为 {a2} 对 {b2}。</translation>
    </message>
    <message>
        <source>Concatenate along axis {axis}: inputs {a} and {b} must match on every other axis, but axis {k} is {a2} vs {b2}.</source>
        <translation>沿轴 {axis} 拼接：输入 {a} 和 {b} 在其他每个轴上都必须一致，但轴 {k} 为 {a2} 对 {b2}。</translation>
    </message>
    <message>
        <source>{layer}: input shapes {shape} and {shape2} do not match (axis {value} of the larger is {i}, the other has {j}).</source>
        <translation>{layer}：输入形状 {shape} 与 {shape2} 不匹配（较大者的轴 {value} 为 {i}，另一个为 {j}）。</translation>
    </message>
    <message>
        <source>{name} must be a number or a list of numbers (got {value}).</source>
        <translation>{name} 必须是一个数或由数组成的列表（实际为 {value}）。</translation>
    </message>
    <message>
        <source>BatchNormalization keeps one mean and variance per entry of this axis, so its size must be fixed. Give the Input a fixed size, or set axis to the channel axis.</source>
        <translation>批标准化（BatchNormalization）为该轴的每一项保存一个均值和方差，因此它的大小必须固定。请为输入层指定固定大小，或把 axis 设为通道轴。</translation>
    </message>
    <message>
        <source>renorm_clipping must be an object with keys among &apos;rmax&apos;, &apos;rmin&apos; and &apos;dmax&apos; (got {clip}).</source>
        <translation>renorm_clipping 必须是键属于 &apos;rmax&apos;、&apos;rmin&apos; 和 &apos;dmax&apos; 的对象（实际为 {clip}）。</translation>
    </message>
    <message>
        <source>renorm_clipping: rmax ({rmax}) must be ≥ rmin ({rmin}).</source>
        <translation>renorm_clipping：rmax（{rmax}）必须 ≥ rmin（{rmin}）。</translation>
    </message>
    <message>
        <source>renorm_clipping: dmax must be ≥ 0 (got {dmax}).</source>
        <translation>renorm_clipping：dmax 必须 ≥ 0（实际为 {dmax}）。</translation>
    </message>
    <message>
        <source>The channels are split into groups, so their number must be fixed.</source>
        <translation>通道被分成若干组，因此通道数必须固定。</translation>
    </message>
    <message>
        <source>GroupNormalization: input {shape} has no channels on axis {axis}.</source>
        <translation>GroupNormalization：输入 {shape} 在轴 {axis} 上没有通道。</translation>
    </message>
    <message>
        <source>Fix the layer before it so that it produces at least one channel.</source>
        <translation>请修正它之前的层，使其至少产生一个通道。</translation>
    </message>
    <message>
        <source>GroupNormalization: groups={groups} must divide the number of channels ({channels}) of input {shape}.</source>
        <translation>GroupNormalization：groups={groups} 必须整除输入 {shape} 的通道数（{channels}）。</translation>
    </message>
    <message>
        <source>Pick groups among the divisors of {channels}: {shown} (or -1 for one group per channel).</source>
        <translation>请在 {channels} 的约数中选择 groups：{shown}（或用 -1 表示每个通道一组）。</translation>
    </message>
    <message>
        <source>groups must be a positive integer, or -1 for instance normalization (got 0).</source>
        <translation>groups 必须是正整数，或用 -1 表示实例标准化（实际为 0）。</translation>
    </message>
    <message>
        <source>Normalization needs both mean and variance, or neither (then they are learned with adapt()); {missing} is missing.</source>
        <translation>Normalization 需要同时给出 mean 和 variance，或都不给（此时用 adapt() 学习）；缺少 {missing}。</translation>
    </message>
    <message>
        <source>Normalization: mean and variance must have the same shape (got {mean_shape} and {var_shape}).</source>
        <translation>Normalization：mean 和 variance 的形状必须相同（实际为 {mean_shape} 和 {var_shape}）。</translation>
    </message>
    <message>
        <source>Normalization: mean has {count} axes but only {count2} axis(es) are kept (axis={axis}).</source>
        <translation>Normalization：mean 有 {count} 个轴，但只保留了 {count2} 个轴（axis={axis}）。</translation>
    </message>
    <message>
        <source>Give one value per entry of the kept axis, e.g. 3 values for 3 channels.</source>
        <translation>请为保留轴的每一项给出一个值，例如 3 个通道给 3 个值。</translation>
    </message>
    <message>
        <source>AlphaDropout: noise_shape {noise} has {count} axes but input {shape} has {count2} (batch included).</source>
        <translation>AlphaDropout：noise_shape {noise} 有 {count} 个轴，但输入 {shape} 有 {count2} 个（含批轴）。</translation>
    </message>
    <message>
        <source>Give one entry per axis of the input, batch first; use null to follow the input and 1 to share the dropout mask along an axis.</source>
        <translation>请为输入的每个轴给出一项，批轴在前；用 null 表示跟随输入，用 1 表示沿该轴共享舍弃掩码。</translation>
    </message>
    <message>
        <source>renorm_clipping[{key}] must be a number (got {value}).</source>
        <translation>renorm_clipping[{key}] 必须是一个数（实际为 {value}）。</translation>
    </message>
    <message>
        <source>Gamma and beta have one entry per position of the normalized axes, so their sizes must be fixed. Normalize over the feature axis (-1) only, or give the Input a fixed size.</source>
        <translation>gamma 和 beta 在被标准化的轴的每个位置上各有一项，因此这些轴的大小必须固定。请只在特征轴（-1）上标准化，或为输入层指定固定大小。</translation>
    </message>
    <message>
        <source>{name} must be made of finite numbers (got {value}).</source>
        <translation>{name} 必须由有限的数组成（实际为 {value}）。</translation>
    </message>
    <message>
        <source>{name} must be a rectangular list of numbers (got {value}).</source>
        <translation>{name} 必须是规整的数值列表（实际为 {value}）。</translation>
    </message>
    <message>
        <source>Normalization keeps one mean and variance per entry of the kept axes, so their sizes must be fixed. Give the Input a fixed size, or keep another axis.</source>
        <translation>Normalization 为保留轴的每一项保存一个均值和方差，因此这些轴的大小必须固定。请为输入层指定固定大小，或保留其他轴。</translation>
    </message>
    <message>
        <source>AlphaDropout: noise_shape {noise} does not broadcast to input {shape} on axis {i} ({n} vs {d}).</source>
        <translation>AlphaDropout：noise_shape {noise} 在轴 {i} 上无法广播到输入 {shape}（{n} 对 {d}）。</translation>
    </message>
    <message>
        <source>Each entry must be null, 1 or the input&apos;s size on that axis.</source>
        <translation>每一项必须是 null、1 或输入在该轴的大小。</translation>
    </message>
    <message>
        <source>Normalization: mean and variance have {mean_shape} values along axis {axis}, but input {shape} has {shape2} there.</source>
        <translation>Normalization：mean 和 variance 沿轴 {axis} 有 {mean_shape} 个值，但输入 {shape} 在该轴为 {shape2}。</translation>
    </message>
    <message>
        <source>Give {shape} values (one per entry), or a single number for all of them.</source>
        <translation>请给出 {shape} 个值（每项一个），或给所有项一个共同的数。</translation>
    </message>
    <message>
        <source>Layer {name} is a custom {class_name} (module {value}) kept without its code: training, running or exporting the model needs the class.</source>
        <translation>层 {name} 是自定义的 {class_name}（模块 {value}），保存时不含其代码：训练、运行或导出模型都需要这个类。</translation>
    </message>
    <message>
        <source>Point NeuroCanvas at the Python file that defines it and trust it: --trust-module PATH on the command line, or &apos;Trust and load&apos; when the editor asks.</source>
        <translation>请让 NeuroCanvas 指向定义它的 Python 文件并信任它：命令行中使用 --trust-module PATH，或在编辑器询问时选择“信任并加载”。</translation>
    </message>
    <message>
        <source>weight_paths must be a list of paths in the weights file.</source>
        <translation>weight_paths 必须是权重文件中路径的列表。</translation>
    </message>
    <message>
        <source>Layer {name} is a Lambda layer: building it runs the Python code stored in the document, which you have not trusted for this document.</source>
        <translation>层 {name} 是 Lambda 层：构建它会运行文档中保存的 Python 代码，而你尚未对该文档信任这些代码。</translation>
    </message>
    <message>
        <source>Trust it explicitly: --trust-lambda on the command line, or &apos;Trust and load&apos; when the editor asks.</source>
        <translation>请明确信任它：命令行中使用 --trust-lambda，或在编辑器询问时选择“信任并加载”。</translation>
    </message>
    <message>
        <source>Use padding=&apos;same&apos;, a smaller pool_size, or fewer downsampling layers before it.</source>
        <translation>请使用 padding=&apos;same&apos;（全零填充）、更小的 pool_size，或在它之前减少下采样层。</translation>
    </message>
    <message>
        <source>negative zooms in, positive zooms out</source>
        <translation>负值放大，正值缩小</translation>
    </message>
    <message>
        <source>For video or volumes apply it per frame with TimeDistributed.</source>
        <translation>视频或三维体数据请用 TimeDistributed 逐帧应用。</translation>
    </message>
    <message>
        <source>{name} must be a number or a list of two numbers in {interval} ({meaning}) (got {value}).</source>
        <translation>{name} 必须是一个数，或由两个数组成的列表，取值在 {interval} 内（{meaning}）（实际为 {value}）。</translation>
    </message>
    <message>
        <source>{name} must be a number or a list of two numbers in {interval} (got {value}).</source>
        <translation>{name} 必须是一个数，或由两个数组成的列表，取值在 {interval} 内（实际为 {value}）。</translation>
    </message>
    <message>
        <source>For grayscale images add the channel axis: Reshape to (1, {shape_1}, {shape_2}).</source>
        <translation>灰度图像请添加通道轴：Reshape 为 (1, {shape_1}, {shape_2})。</translation>
    </message>
    <message>
        <source>Image layers need spatial axes; Reshape the input to (height, width, channels).</source>
        <translation>图像层需要空间轴；请把输入 Reshape 为 (height, width, channels)。</translation>
    </message>
    <message>
        <source>Resizing: crop_to_aspect_ratio and pad_to_aspect_ratio cannot both be true.</source>
        <translation>Resizing：crop_to_aspect_ratio 和 pad_to_aspect_ratio 不能同时为 true。</translation>
    </message>
    <message>
        <source>Crop to keep the aspect ratio by losing borders, or pad to keep it by adding them.</source>
        <translation>裁剪会去掉边缘来保持宽高比，填充会加上边缘来保持宽高比，请二选一。</translation>
    </message>
    <message>
        <source>CenterCrop: the input {shape} is smaller than the crop ({names}); Keras then resizes the largest centred window of that aspect ratio instead of cropping.</source>
        <translation>CenterCrop：输入 {shape} 小于裁剪尺寸（{names}）；此时 Keras 会缩放该宽高比下最大的居中窗口，而不是裁剪。</translation>
    </message>
    <message>
        <source>Use a crop no larger than the input, or a Resizing layer if enlarging is intended.</source>
        <translation>请使用不大于输入的裁剪尺寸；如果确实要放大，请使用 Resizing 层。</translation>
    </message>
    <message>
        <source>value_range must be [low, high] with low &lt; high, e.g. [0, 255] or [0, 1] (got {vr}).</source>
        <translation>value_range 必须是 [low, high] 且 low &lt; high，例如 [0, 255] 或 [0, 1]（实际为 {vr}）。</translation>
    </message>
    <message>
        <source>fractions of the image size</source>
        <translation>以图像尺寸的比例表示</translation>
    </message>
    <message>
        <source>fractions of a full turn</source>
        <translation>以整圈的比例表示</translation>
    </message>
    <message>
        <source>output_mode &apos;tf_idf&apos; with a vocabulary needs idf_weights.</source>
        <translation>带词表的 output_mode &apos;tf_idf&apos; 需要 idf_weights。</translation>
    </message>
    <message>
        <source>Adapt the layer, or give one weight per token.</source>
        <translation>请对该层执行 adapt，或为每个词元给出一个权重。</translation>
    </message>
    <message>
        <source>pad_to_max_tokens needs max_tokens.</source>
        <translation>pad_to_max_tokens 需要 max_tokens。</translation>
    </message>
    <message>
        <source>sparse output needs an encoding output_mode (not &apos;int&apos;).</source>
        <translation>稀疏输出需要编码类的 output_mode（不能是 &apos;int&apos;）。</translation>
    </message>
    <message>
        <source>TextVectorization needs a batch of strings, not {shape}.</source>
        <translation>TextVectorization 需要一批字符串，而不是 {shape}。</translation>
    </message>
    <message>
        <source>TextVectorization splits one string per sample: its input is (batch,) or (batch, 1), not {shape}.</source>
        <translation>TextVectorization 每个样本切分一个字符串：其输入是 (batch,) 或 (batch, 1)，而不是 {shape}。</translation>
    </message>
    <message>
        <source>Reshape the input to (1,).</source>
        <translation>请把输入 Reshape 为 (1,)。</translation>
    </message>
    <message>
        <source>TextVectorization has no vocabulary yet: its encoding has only the out-of-vocabulary slot until it is adapted.</source>
        <translation>TextVectorization 还没有词表：在 adapt 之前，它的编码只有词表外（OOV）槽位。</translation>
    </message>
    <message>
        <source>Adapt it (or give a vocabulary).</source>
        <translation>请对它执行 adapt（或给出词表）。</translation>
    </message>
    <message>
        <source>output_sequence_length is only used with output_mode &apos;int&apos;.</source>
        <translation>output_sequence_length 只在 output_mode 为 &apos;int&apos; 时使用。</translation>
    </message>
    <message>
        <source>ngrams must be a positive integer or a list of them.</source>
        <translation>ngrams 必须是正整数或正整数列表。</translation>
    </message>
    <message>
        <source>Discretization needs num_bins (learnt with adapt()) or bin_boundaries.</source>
        <translation>Discretization 需要 num_bins（用 adapt() 学习）或 bin_boundaries。</translation>
    </message>
    <message>
        <source>CategoryEncoding needs num_tokens, the number of categories.</source>
        <translation>CategoryEncoding 需要 num_tokens，即类别数。</translation>
    </message>
    <message>
        <source>For an unknown number use IntegerLookup.</source>
        <translation>类别数未知时请使用 IntegerLookup。</translation>
    </message>
    <message>
        <source>salt must be an integer or a list of two integers.</source>
        <translation>salt 必须是一个整数或由两个整数组成的列表。</translation>
    </message>
    <message>
        <source>vocabulary must be a list of tokens (or empty until adapted); a vocabulary file is not kept in a document.</source>
        <translation>vocabulary 必须是词元列表（或在 adapt 之前为空）；文档中不保存词表文件。</translation>
    </message>
    <message>
        <source>Adapt the layer, or list the tokens.</source>
        <translation>请对该层执行 adapt，或列出词元。</translation>
    </message>
    <message>
        <source>vocabulary must not repeat a token.</source>
        <translation>vocabulary 中不能有重复的词元。</translation>
    </message>
    <message>
        <source>idf_weights must be a list of numbers, one per token.</source>
        <translation>idf_weights 必须是数的列表，每个词元一个。</translation>
    </message>
    <message>
        <source>idf_weights is only used with output_mode &apos;tf_idf&apos;.</source>
        <translation>idf_weights 只在 output_mode 为 &apos;tf_idf&apos; 时使用。</translation>
    </message>
    <message>
        <source>{name} needs an input with a batch axis, not {shape}.</source>
        <translation>{name} 需要带批轴的输入，而不是 {shape}。</translation>
    </message>
    <message>
        <source>{name} has no vocabulary yet: its encoding has only the out-of-vocabulary slots until it is adapted.</source>
        <translation>{name} 还没有词表：在 adapt 之前，它的编码只有词表外（OOV）槽位。</translation>
    </message>
    <message>
        <source>Adapt it (or give a vocabulary), or set max_tokens and pad_to_max_tokens.</source>
        <translation>请对它执行 adapt（或给出词表），或设置 max_tokens 和 pad_to_max_tokens。</translation>
    </message>
    <message>
        <source>invert needs output_mode &apos;int&apos;.</source>
        <translation>invert 需要 output_mode 为 &apos;int&apos;。</translation>
    </message>
    <message>
        <source>{key} must be one of Keras&apos;s named options; a Python function is not kept in a document.</source>
        <translation>{key} 必须是 Keras 的具名选项之一；文档中不保存 Python 函数。</translation>
    </message>
    <message>
        <source>bin_boundaries must be a list of numbers.</source>
        <translation>bin_boundaries 必须是数的列表。</translation>
    </message>
    <message>
        <source>bin_boundaries must be in increasing order.</source>
        <translation>bin_boundaries 必须按递增顺序排列。</translation>
    </message>
    <message>
        <source>If it comes from another recurrent layer, set return_sequences=True on that layer. Otherwise add a RepeatVector to repeat the vector over time steps, or a Reshape to ({n}, 1) to read each feature as one time step.</source>
        <translation>如果它来自另一个循环层，请在那个层上设置 return_sequences=True。否则请添加 RepeatVector 把向量在各时间步上重复，或添加 Reshape 为 ({n}, 1)，把每个特征当作一个时间步读取。</translation>
    </message>
    <message>
        <source>Wrap the layers that read one frame each in TimeDistributed, or Reshape the input to (timesteps, features).</source>
        <translation>请把逐帧读取的层用 TimeDistributed 包装，或把输入 Reshape 为 (timesteps, features)。</translation>
    </message>
    <message>
        <source>{who} expects a 3-D sequence input (batch, timesteps, features) but receives {shape}.</source>
        <translation>{who} 需要三维序列输入 (batch, timesteps, features)，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>{who} cannot be built: the feature axis of its input {shape} has unknown size.</source>
        <translation>无法构建 {who}：其输入 {shape} 的特征轴大小未知。</translation>
    </message>
    <message>
        <source>Give the Input a fixed number of features; only the timesteps axis may be None.</source>
        <translation>请为输入层指定固定的特征数；只有 timesteps 轴可以是 None。</translation>
    </message>
    <message>
        <source>{who} has stateful=True, which needs a fixed batch size, but the input is {shape}.</source>
        <translation>{who} 设置了 stateful=True，需要固定的批大小，但输入是 {shape}。</translation>
    </message>
    <message>
        <source>Set batch_size on the Input, or turn stateful off.</source>
        <translation>请在输入层上设置 batch_size，或关闭 stateful。</translation>
    </message>
    <message>
        <source>{who} has unroll=True, which needs a fixed number of time steps, but the input is {shape}.</source>
        <translation>{who} 设置了 unroll=True，需要固定的时间步数，但输入是 {shape}。</translation>
    </message>
    <message>
        <source>Give the Input a fixed sequence length, or turn unroll off.</source>
        <translation>请为输入层指定固定的序列长度，或关闭 unroll。</translation>
    </message>
    <message>
        <source>{who} unrolls {shape_1} time steps, which costs a lot of memory and build time.</source>
        <translation>{who} 展开 {shape_1} 个时间步，这会占用大量内存和构建时间。</translation>
    </message>
    <message>
        <source>unroll suits short sequences; turn it off for long ones.</source>
        <translation>unroll 适合短序列；长序列请关闭它。</translation>
    </message>
    <message>
        <source>{who} gets {count} of its {count2} initial states ({names}): a recurrent layer starts from all of its states or from none.</source>
        <translation>{who} 收到了 {count2} 个初始状态中的 {count} 个（{names}）：循环层要么从全部状态开始，要么一个也不用。</translation>
    </message>
    <message>
        <source>Connect {names}, or disconnect them all.</source>
        <translation>请连接 {names}，或把它们全部断开。</translation>
    </message>
    <message>
        <source>Bidirectional can only wrap LSTM, GRU or SimpleRNN (got {type}).</source>
        <translation>Bidirectional 只能包装 LSTM、GRU 或 SimpleRNN（实际为 {type}）。</translation>
    </message>
    <message>
        <source>To apply a layer at every time step use TimeDistributed instead.</source>
        <translation>要在每个时间步上应用一个层，请改用 TimeDistributed。</translation>
    </message>
    <message>
        <source>Bidirectional: backward_layer must be LSTM, GRU or SimpleRNN (got {type}).</source>
        <translation>Bidirectional：backward_layer 必须是 LSTM、GRU 或 SimpleRNN（实际为 {type}）。</translation>
    </message>
    <message>
        <source>Bidirectional: backward_layer must read the sequence in the other direction (both have go_backwards={go_backwards}).</source>
        <translation>Bidirectional：backward_layer 必须沿相反方向读取序列（两者都设置了 go_backwards={go_backwards}）。</translation>
    </message>
    <message>
        <source>Set go_backwards=True on backward_layer.</source>
        <translation>请在 backward_layer 上设置 go_backwards=True。</translation>
    </message>
    <message>
        <source>Bidirectional with return_state=True needs layer and backward_layer of the same type (got {type} and {type2}).</source>
        <translation>return_state=True 的 Bidirectional 需要 layer 与 backward_layer 类型相同（实际为 {type} 和 {type2}）。</translation>
    </message>
    <message>
        <source>Use the same recurrent type in both directions, or turn return_state off.</source>
        <translation>请在两个方向上使用相同的循环层类型，或关闭 return_state。</translation>
    </message>
    <message>
        <source>TimeDistributed cannot wrap an Input.</source>
        <translation>TimeDistributed 不能包装输入层（Input）。</translation>
    </message>
    <message>
        <source>Wrap the layer that should run on every time step, e.g. Dense or Conv2D.</source>
        <translation>请包装需要在每个时间步上运行的层，例如 Dense 或 Conv2D。</translation>
    </message>
    <message>
        <source>TimeDistributed can only wrap a layer with one input ({type} takes several).</source>
        <translation>TimeDistributed 只能包装单输入的层（{type} 有多个输入）。</translation>
    </message>
    <message>
        <source>Apply the multi-input layer directly; most merge layers already work on every time step.</source>
        <translation>请直接使用该多输入层；大多数合并层本来就作用于每个时间步。</translation>
    </message>
    <message>
        <source>TimeDistributed can only wrap a layer with one output (this {type} has {port_count}).</source>
        <translation>TimeDistributed 只能包装单输出的层（这个 {type} 有 {port_count} 个输出）。</translation>
    </message>
    <message>
        <source>Turn off return_state (or the option that adds outputs) on the wrapped layer.</source>
        <translation>请在被包装的层上关闭 return_state（或其他增加输出的选项）。</translation>
    </message>
    <message>
        <source>TimeDistributed (per step): {message}</source>
        <translation>TimeDistributed（每一步）：{message}</translation>
    </message>
    <message>
        <source>TimeDistributed: the wrapped {type} has {count} outputs; TimeDistributed needs exactly one.</source>
        <translation>TimeDistributed：被包装的 {type} 有 {count} 个输出；TimeDistributed 需要恰好一个。</translation>
    </message>
    <message>
        <source>Turn off the option that adds outputs on the wrapped layer.</source>
        <translation>请在被包装的层上关闭增加输出的选项。</translation>
    </message>
    <message>
        <source>{who}&apos;s {name} must be (batch, {units}) to match units={units}, but receives {shape}.</source>
        <translation>{who} 的 {name} 必须是 (batch, {units}) 以匹配 units={units}，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>Connect a state output of a recurrent layer with the same units, or change units.</source>
        <translation>请连接 units 相同的循环层的状态输出，或修改 units。</translation>
    </message>
    <message>
        <source>Bidirectional: the wrapped layer has go_backwards=True, but Bidirectional builds the backward copy itself.</source>
        <translation>Bidirectional：被包装的层设置了 go_backwards=True，但 Bidirectional 会自行构建反向副本。</translation>
    </message>
    <message>
        <source>Turn go_backwards off on the wrapped layer.</source>
        <translation>请在被包装的层上关闭 go_backwards。</translation>
    </message>
    <message>
        <source>Bidirectional: backward_layer has {attr}={b} but layer has {attr}={f}; they must agree.</source>
        <translation>Bidirectional：backward_layer 的 {attr}={b}，而 layer 的 {attr}={f}；两者必须一致。</translation>
    </message>
    <message>
        <source>Set the same {attr} on both layers.</source>
        <translation>请在两个层上设置相同的 {attr}。</translation>
    </message>
    <message>
        <source>TimeDistributed: the wrapped {type} cannot take the per-step shape {step} (input {shape} without its time axis). {message}</source>
        <translation>TimeDistributed：被包装的 {type} 无法接受每步的形状 {step}（输入 {shape} 去掉时间轴）。{message}</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>时间步</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>{name} must be an integer, a list of {rank} integers (one per axis) or a list of {rank} [before, after] pairs, e.g. {example}</source>
        <translation>{name} 必须是一个整数、由 {rank} 个整数组成的列表（每个轴一个），或由 {rank} 个 [before, after] 对组成的列表，例如 {example}</translation>
    </message>
    <message>
        <source>For a single-channel input add the channel axis first: Reshape to (1, {dims}).</source>
        <translation>单通道输入请先添加通道轴：Reshape 为 (1, {dims})。</translation>
    </message>
    <message>
        <source>{name}: {what} must be an integer ≥ 0 (got {v}).</source>
        <translation>{name}：{what} 必须是 ≥ 0 的整数（实际为 {v}）。</translation>
    </message>
    <message>
        <source>{usage} (got {value}).</source>
        <translation>{usage}（实际为 {value}）。</translation>
    </message>
    <message>
        <source>{usage} (got {value}: {count} entries).</source>
        <translation>{usage}（实际为 {value}：{count} 项）。</translation>
    </message>
    <message>
        <source>{name}: {what} must be one integer or a [before, after] pair (got {entry}).</source>
        <translation>{name}：{what} 必须是一个整数或一个 [before, after] 对（实际为 {entry}）。</translation>
    </message>
    <message>
        <source>cropping {a} + {b} from a {axis} of {d}</source>
        <translation>从大小为 {d} 的{axis}中裁掉 {a} + {b}</translation>
    </message>
    <message>
        <source>Crop less than the {axis} of the input ({d}) in total; cropping everything away leaves nothing to pass on.</source>
        <translation>总共裁掉的量请小于输入的{axis}（{d}）；全部裁掉就没有任何数据可以传递了。</translation>
    </message>
    <message>
        <source>Replace the layer that makes it by layers {format} supports.</source>
        <translation>请把产生它的层换成 {format} 支持的层。</translation>
    </message>
    <message>
        <source>Replace {layer} by layers {format} supports, {extra}.</source>
        <translation>请把 {layer} 换成 {format} 支持的层，{extra}。</translation>
    </message>
    <message>
        <source>Replace {layer} by layers {format} supports.</source>
        <translation>请把 {layer} 换成 {format} 支持的层。</translation>
    </message>
    <message>
        <source>Replace the layer that makes it by layers {format} supports, {extra}.</source>
        <translation>请把产生它的层换成 {format} 支持的层，{extra}。</translation>
    </message>
    <message>
        <source>{format} conversion failed in {layer}: {detail}</source>
        <translation>{format} 转换在 {layer} 处失败：{detail}</translation>
    </message>
    <message>
        <source>{format} conversion failed: {detail}</source>
        <translation>{format} 转换失败：{detail}</translation>
    </message>
    <message>
        <source>Check that the model runs in Keras; simplify the layer named, or choose another format.</source>
        <translation>请确认模型能在 Keras 中运行；简化所指出的层，或选择其他格式。</translation>
    </message>
    <message>
        <source>or export it as ONNX or SavedModel (TFLite could only run this op through the Flex delegate of TensorFlow&apos;s Select ops, which cannot be verified here, so NeuroCanvas writes TFLite builtins only)</source>
        <translation>或导出为 ONNX 或 SavedModel（TFLite 只能通过 TensorFlow Select 算子的 Flex 委托运行此算子，这里无法验证，因此 NeuroCanvas 只写出 TFLite 内置算子）</translation>
    </message>
    <message>
        <source>{format} cannot express the TensorFlow op {op} made by {layer}.</source>
        <translation>{format} 无法表示由 {layer} 产生的 TensorFlow 算子 {op}。</translation>
    </message>
    <message>
        <source>recurrent layer(s) {names} exported unrolled (step by step, same weights): TFLite builtins cannot size their loop otherwise</source>
        <translation>循环层 {names} 以展开形式导出（逐个时间步，权重相同）：否则 TFLite 内置算子无法确定其循环长度</translation>
    </message>
    <message>
        <source>fixed batch of 1: the loop of recurrent layer(s) {names} needs static shapes in TFLite builtins</source>
        <translation>批大小固定为 1：循环层 {names} 的循环在 TFLite 内置算子中需要静态形状</translation>
    </message>
    <message>
        <source>Full-integer int8 cannot quantize the loop of {layer} whose number of timesteps is not fixed (the TFLite converter cannot calibrate it).</source>
        <translation>全整数 int8 无法量化 {layer} 的循环，因为其时间步数不固定（TFLite 转换器无法对其校准）。</translation>
    </message>
    <message>
        <source>Give the Input a fixed number of timesteps so the layer can be unrolled, or use tflite-dynamic.</source>
        <translation>请为 Input 指定固定的时间步数，使该层可以展开，或改用 tflite-dynamic。</translation>
    </message>
    <message>
        <source>or try a higher opset (up to {opset})</source>
        <translation>或尝试更高的 opset（最高 {opset}）</translation>
    </message>
    <message>
        <source>Full-integer int8 needs samples to calibrate on.</source>
        <translation>全整数 int8 需要用于校准的样本。</translation>
    </message>
    <message>
        <source>Give the model&apos;s dataset.</source>
        <translation>请提供模型的数据集。</translation>
    </message>
    <message>
        <source>layer &apos;{name}&apos;</source>
        <translation>层 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>layer &apos;{name}&apos; ({type})</source>
        <translation>层 &apos;{name}&apos;（{type}）</translation>
    </message>
    <message>
        <source>operation &apos;{name}&apos; ({type})</source>
        <translation>运算 &apos;{name}&apos;（{type}）</translation>
    </message>
    <message>
        <source>TensorFlow&apos;s own format (a folder), for TF Serving and TensorFlow programs.</source>
        <translation>TensorFlow 自己的格式（一个文件夹），用于 TF Serving 和 TensorFlow 程序。</translation>
    </message>
    <message>
        <source>LiteRT / TensorFlow Lite for phones and small devices, full precision.</source>
        <translation>LiteRT / TensorFlow Lite，用于手机和小型设备，全精度。</translation>
    </message>
    <message>
        <source>Weights stored as float16: half the size, computed in float32 (or float16 on GPUs).</source>
        <translation>权重以 float16 存储：大小减半，以 float32 计算（在 GPU 上为 float16）。</translation>
    </message>
    <message>
        <source>TFLite dynamic-range int8</source>
        <translation>TFLite 动态范围 int8</translation>
    </message>
    <message>
        <source>Weights stored as int8, activations quantized on the fly: a quarter of the size.</source>
        <translation>权重以 int8 存储，激活值在运行时动态量化：大小为四分之一。</translation>
    </message>
    <message>
        <source>TFLite full-integer int8</source>
        <translation>TFLite 全整数 int8</translation>
    </message>
    <message>
        <source>Weights and activations in int8 (input and output too), calibrated on the document&apos;s own data: for microcontrollers and integer accelerators.</source>
        <translation>权重和激活值均为 int8（输入和输出也是），用文档自己的数据校准：适用于微控制器和整数加速器。</translation>
    </message>
    <message>
        <source>ONNX for onnxruntime and other frameworks.</source>
        <translation>ONNX，用于 onnxruntime 和其他框架。</translation>
    </message>
    <message>
        <source>No deployment format was chosen.</source>
        <translation>未选择部署格式。</translation>
    </message>
    <message>
        <source>Use one or more of: {formats} (or all).</source>
        <translation>请使用以下一种或多种：{formats}（或 all）。</translation>
    </message>
    <message>
        <source>ONNX opset {opset} is not offered.</source>
        <translation>不提供 ONNX opset {opset}。</translation>
    </message>
    <message>
        <source>Choose one of {low}–{high} (default {default}).</source>
        <translation>请在 {low}–{high} 中选择（默认 {default}）。</translation>
    </message>
    <message>
        <source>Unknown deployment format {format}.</source>
        <translation>未知的部署格式 {format}。</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Loading the {dataset} data</source>
        <translation>正在加载 {dataset} 数据</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>--samples must be at least 1, not {samples}.</source>
        <translation>--samples 至少为 1，而不是 {samples}。</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder.</source>
        <translation>{path} 是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Choose a folder for the exports.</source>
        <translation>请为导出选择一个文件夹。</translation>
    </message>
    <message>
        <source>{path} is not writable.</source>
        <translation>{path} 不可写。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>请选择一个可写的文件夹。</translation>
    </message>
    <message>
        <source>calibrated on {count} training samples</source>
        <translation>已在 {count} 个训练样本上校准</translation>
    </message>
    <message>
        <source>The {format} file gives outputs of another shape than Keras.</source>
        <translation>{format} 文件给出的输出形状与 Keras 不同。</translation>
    </message>
    <message>
        <source>no weight tensor was large enough to quantize (TFLite quantizes tensors of 1,024 values or more): the file holds float32 weights</source>
        <translation>没有足够大的权重张量可量化（TFLite 只量化含 1,024 个及以上数值的张量）：文件中保存的是 float32 权重</translation>
    </message>
    <message>
        <source>{path} cannot be created: {reason}.</source>
        <translation>无法创建 {path}：{reason}。</translation>
    </message>
    <message>
        <source>opset {opset}</source>
        <translation>opset {opset}</translation>
    </message>
    <message>
        <source>The {format} file was written but its runtime cannot run it: {detail}</source>
        <translation>{format} 文件已写出，但其运行时无法运行它：{detail}</translation>
    </message>
    <message>
        <source>Choose another format, or simplify the model.</source>
        <translation>请选择其他格式，或简化模型。</translation>
    </message>
    <message>
        <source>{format}: converting</source>
        <translation>{format}：正在转换</translation>
    </message>
    <message>
        <source>{format}: verifying in its runtime</source>
        <translation>{format}：正在其运行时中验证</translation>
    </message>
    <message>
        <source>{format} failed: {error}: {detail}</source>
        <translation>{format} 失败：{error}：{detail}</translation>
    </message>
    <message>
        <source>The other formats are not affected; choose another format.</source>
        <translation>其他格式不受影响；请选择其他格式。</translation>
    </message>
    <message>
        <source>Train it first (its runs can then be deployed), or import a trained .keras model.</source>
        <translation>请先训练它（之后即可部署其训练记录），或导入已训练的 .keras 模型。</translation>
    </message>
    <message>
        <source>run {run} ({which} checkpoint, epoch {epoch})</source>
        <translation>训练记录 {run}（{which} 断点，第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>run {run} ({which} checkpoint)</source>
        <translation>训练记录 {run}（{which} 断点）</translation>
    </message>
    <message>
        <source>Deploy one of its training runs instead, e.g. {run}.</source>
        <translation>请改为部署它的某次训练记录，例如 {run}。</translation>
    </message>
    <message>
        <source>{path}: no such run folder, document or model file.</source>
        <translation>{path}：没有这样的训练记录文件夹、文档或模型文件。</translation>
    </message>
    <message>
        <source>Give a run folder (DOC.runs/…), a .json document with trained weights, or a .keras model.</source>
        <translation>请提供训练记录文件夹（DOC.runs/…）、带已训练权重的 .json 文档，或 .keras 模型。</translation>
    </message>
    <message>
        <source>The run {run} has no saved model.</source>
        <translation>训练记录 {run} 没有保存的模型。</translation>
    </message>
    <message>
        <source>It ended before its first epoch was saved; train longer.</source>
        <translation>它在第一轮保存之前就结束了；请训练更久。</translation>
    </message>
    <message>
        <source>{name} carries no data settings to verify the export on.</source>
        <translation>{name} 不带用于验证导出结果的数据设置。</translation>
    </message>
    <message>
        <source>Name a dataset (--dataset NAME), e.g. digits or iris.</source>
        <translation>请指定数据集（--dataset NAME），例如 digits 或 iris。</translation>
    </message>
    <message>
        <source>The model has {count} inputs; deployment verifies models with one input.</source>
        <translation>该模型有 {count} 个输入；部署只验证单输入模型。</translation>
    </message>
    <message>
        <source>Export it as a .keras model instead.</source>
        <translation>请改为导出为 .keras 模型。</translation>
    </message>
    <message>
        <source>The {dataset} samples have shape {got}, but the model takes {expected}.</source>
        <translation>{dataset} 样本的形状为 {got}，但模型接受的是 {expected}。</translation>
    </message>
    <message>
        <source>Choose the dataset the model was trained on.</source>
        <translation>请选择训练该模型时所用的数据集。</translation>
    </message>
    <message>
        <source>A model without a document needs a dataset to be verified on.</source>
        <translation>没有文档的模型需要一个用于验证的数据集。</translation>
    </message>
    <message>
        <source>Name one (--dataset NAME), e.g. digits or iris.</source>
        <translation>请指定一个（--dataset NAME），例如 digits 或 iris。</translation>
    </message>
    <message>
        <source>The file holds code (a Lambda layer); NeuroCanvas does not run code read from a file. Replace the Lambda by a layer.</source>
        <translation>该文件包含代码（Lambda 层）；NeuroCanvas 不运行从文件读取的代码。请用一个层替换 Lambda。</translation>
    </message>
    <message>
        <source>Is it a Keras 3 model file?</source>
        <translation>它是 Keras 3 模型文件吗？</translation>
    </message>
    <message>
        <source>{name} cannot be loaded: {reason}</source>
        <translation>无法加载 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name}: cannot deploy a {suffix} file.</source>
        <translation>{name}：无法部署 {suffix} 文件。</translation>
    </message>
    <message>
        <source>Give a run folder, a .json document or a .keras model.</source>
        <translation>请提供训练记录文件夹、.json 文档或 .keras 模型。</translation>
    </message>
    <message>
        <source>Give a run folder (DOC.runs/&lt;time&gt;_&lt;id&gt;).</source>
        <translation>请提供训练记录文件夹（DOC.runs/&lt;time&gt;_&lt;id&gt;）。</translation>
    </message>
    <message>
        <source>error {error} against Keras&apos;s {keras} (more than {percent} % worse)</source>
        <translation>误差 {error}，Keras 为 {keras}（差了 {percent} % 以上）</translation>
    </message>
    <message>
        <source>outputs differ from Keras by up to {diff} (more than {tolerance})</source>
        <translation>输出与 Keras 最多相差 {diff}（超过 {tolerance}）</translation>
    </message>
    <message>
        <source>loses {drop} accuracy points against Keras (more than {limit}); calibrate on more samples or keep a float format</source>
        <translation>准确率比 Keras 低 {drop} 个百分点（超过 {limit}）；请用更多样本校准，或保留浮点格式</translation>
    </message>
    <message>
        <source>The change {kind} cannot be undone.</source>
        <translation>更改“{kind}”无法撤销。</translation>
    </message>
    <message>
        <source>{cost} {value} is below the limit {limit}.</source>
        <translation>{cost} {value} 低于限制 {limit}。</translation>
    </message>
    <message>
        <source>{cost} {value} is above the limit {limit}.</source>
        <translation>{cost} {value} 高于限制 {limit}。</translation>
    </message>
    <message>
        <source>Objective {objective} needs a metric and a direction.</source>
        <translation>优化目标 {objective} 需要指标和方向。</translation>
    </message>
    <message>
        <source>Write METRIC:max or METRIC:min, e.g. val_accuracy:max,params:min.</source>
        <translation>请写成 指标:max 或 指标:min，例如 val_accuracy:max,params:min。</translation>
    </message>
    <message>
        <source>Objective {objective} is given twice.</source>
        <translation>优化目标 {objective} 给出了两次。</translation>
    </message>
    <message>
        <source>Constraint {constraint} is not understood.</source>
        <translation>无法理解约束 {constraint}。</translation>
    </message>
    <message>
        <source>Write e.g. params&lt;=100000 or macs&lt;5e6 (known before training: {costs}).</source>
        <translation>请写成例如 params&lt;=100000 或 macs&lt;5e6（训练前即可知的：{costs}）。</translation>
    </message>
    <message>
        <source>Constraint {constraint}: {value} is not a number.</source>
        <translation>约束 {constraint}：{value} 不是数字。</translation>
    </message>
    <message>
        <source>low end</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>high end</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a continuous range, which a grid cannot list.</source>
        <translation>&apos;{name}&apos; 是连续范围，网格搜索无法列举。</translation>
    </message>
    <message>
        <source>Give it {&quot;choice&quot;: [...]} or a &quot;step&quot;, or use another sampler.</source>
        <translation>请给它 {&quot;choice&quot;: [...]} 或 &quot;step&quot;，或使用其他采样器。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: the {what} must be a number, not {value}.</source>
        <translation>&apos;{name}&apos;：{what}必须是数字，而不是 {value}。</translation>
    </message>
    <message>
        <source>A space entry needs a name, not {name}.</source>
        <translation>搜索空间的条目需要名称，而不是 {name}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a setting that can be swept.</source>
        <translation>&apos;{name}&apos; 不是可搜索的设置。</translation>
    </message>
    <message>
        <source>Write NODE.PARAM (e.g. hidden.units), training.PATH (e.g. training.batch_size), lr or optimizer.</source>
        <translation>请写成 节点.参数（例如 hidden.units）、training.路径（例如 training.batch_size）、lr 或 optimizer。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: a distribution must be an object, not {spec}.</source>
        <translation>&apos;{name}&apos;：分布必须是对象，而不是 {spec}。</translation>
    </message>
    <message>
        <source>E.g. {&quot;choice&quot;: [16, 32]} or {&quot;loguniform&quot;: [1e-4, 0.1]}.</source>
        <translation>例如 {&quot;choice&quot;: [16, 32]} 或 {&quot;loguniform&quot;: [1e-4, 0.1]}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: give exactly one of {kinds} (unknown: {unknown}).</source>
        <translation>&apos;{name}&apos;：请在 {kinds} 中恰好给出一个（未知：{unknown}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: give exactly one of {kinds}.</source>
        <translation>&apos;{name}&apos;：请在 {kinds} 中恰好给出一个。</translation>
    </message>
    <message>
        <source>E.g. {&quot;int&quot;: [8, 64], &quot;step&quot;: 8}.</source>
        <translation>例如 {&quot;int&quot;: [8, 64], &quot;step&quot;: 8}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: {kind} needs [low, high], not {value}.</source>
        <translation>&apos;{name}&apos;：{kind} 需要 [下限, 上限]，而不是 {value}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: the low end {low} is above the high end {high}.</source>
        <translation>&apos;{name}&apos;：下限 {low} 高于上限 {high}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: a loguniform range must be above zero, not {low}.</source>
        <translation>&apos;{name}&apos;：loguniform 范围必须大于零，而不是 {low}。</translation>
    </message>
    <message>
        <source>Use float for ranges that include zero.</source>
        <translation>包含零的范围请使用 float。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>The search space is empty.</source>
        <translation>搜索空间为空。</translation>
    </message>
    <message>
        <source>Give at least one setting, e.g. {&quot;lr&quot;: {&quot;loguniform&quot;: [1e-4, 0.1]}}.</source>
        <translation>请至少给出一项设置，例如 {&quot;lr&quot;: {&quot;loguniform&quot;: [1e-4, 0.1]}}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: the {what} must be a whole number, not {value}.</source>
        <translation>&apos;{name}&apos;：{what}必须是整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: choice needs a non-empty list of values.</source>
        <translation>&apos;{name}&apos;：choice 需要一个非空的取值列表。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: a loguniform range takes no step.</source>
        <translation>&apos;{name}&apos;：loguniform 范围不接受步长。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: the step must be above zero, not {step}.</source>
        <translation>&apos;{name}&apos;：步长必须大于零，而不是 {step}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: a choice must be a number, text, true/false or null, not {value}.</source>
        <translation>&apos;{name}&apos;：choice 的取值必须是数字、文本、true/false 或 null，而不是 {value}。</translation>
    </message>
    <message>
        <source>Lists (e.g. a kernel size [3, 3]) are written as a number: 3.</source>
        <translation>列表（例如卷积核大小 [3, 3]）请写成一个数字：3。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: the network has no layer called {layer}.</source>
        <translation>&apos;{name}&apos;：网络中没有名为 {layer} 的层。</translation>
    </message>
    <message>
        <source>Its layers: {names}.</source>
        <translation>它的层：{names}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: a {type} layer has no parameter {param}.</source>
        <translation>&apos;{name}&apos;：{type} 层没有参数 {param}。</translation>
    </message>
    <message>
        <source>Its parameters: {names}.</source>
        <translation>它的参数：{names}。</translation>
    </message>
    <message>
        <source>&apos;optimizer&apos;: unknown optimizer(s) {names}.</source>
        <translation>&apos;optimizer&apos;：未知的优化器 {names}。</translation>
    </message>
    <message>
        <source>Use {choice} of: {names}.</source>
        <translation>请使用 {choice}，取值为：{names}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: name a training setting after &apos;training.&apos;.</source>
        <translation>&apos;{name}&apos;：请在 &apos;training.&apos; 之后写出训练设置的名称。</translation>
    </message>
    <message>
        <source>Its process ended before the trial finished (stopped or killed); the study runs another trial in its place when resumed.</source>
        <translation>试验结束前其进程已终止（被停止或被杀死）；继续搜索时会运行另一次试验代替它。</translation>
    </message>
    <message>
        <source>Unknown sampler {name}.</source>
        <translation>未知的采样器 {name}。</translation>
    </message>
    <message>
        <source>Use one of: {names}.</source>
        <translation>请使用以下之一：{names}。</translation>
    </message>
    <message>
        <source>Unknown pruner {name}.</source>
        <translation>未知的剪枝器 {name}。</translation>
    </message>
    <message>
        <source>CMA-ES optimises one objective.</source>
        <translation>CMA-ES 只优化一个目标。</translation>
    </message>
    <message>
        <source>Use nsga2 (or tpe) for several.</source>
        <translation>多个目标请使用 nsga2（或 tpe）。</translation>
    </message>
    <message>
        <source>The number of trials must be at least 0, not {trials}.</source>
        <translation>试验次数至少为 0，而不是 {trials}。</translation>
    </message>
    <message>
        <source>Epochs must be at least 1, not {epochs}.</source>
        <translation>轮数至少为 1，不能是 {epochs}。</translation>
    </message>
    <message>
        <source>Stopped by the user; the study runs another trial in its place when resumed.</source>
        <translation>已被用户停止；继续搜索时会运行另一次试验代替它。</translation>
    </message>
    <message>
        <source>[{study}] trial {number} running: {values}</source>
        <translation>[{study}] 试验 {number} 运行中：{values}</translation>
    </message>
    <message>
        <source>[{study}] trial {number} training in {folder}</source>
        <translation>[{study}] 试验 {number} 正在训练，记录位于 {folder}</translation>
    </message>
    <message>
        <source>Pruned by the {pruner} pruner after epoch {epoch}: {metric} {value}.</source>
        <translation>在第 {epoch} 轮后被 {pruner} 剪枝器剪枝：{metric} {value}。</translation>
    </message>
    <message>
        <source>[{study}] trial {number} failed: its process ended before it finished.</source>
        <translation>[{study}] 试验 {number} 失败：其进程在完成前已终止。</translation>
    </message>
    <message>
        <source>[{study}] trial {number} pruned: {reason}</source>
        <translation>[{study}] 试验 {number} 已剪枝：{reason}</translation>
    </message>
    <message>
        <source>The run ended without a result.</source>
        <translation>训练结束但没有结果。</translation>
    </message>
    <message>
        <source>The run logged no {metric} to optimise; it logged: {logged}.</source>
        <translation>训练没有记录要优化的 {metric}；它记录了：{logged}。</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>显著性图</translation>
    </message>
    <message>
        <source>Integrated Gradients</source>
        <translation>积分梯度</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>Class {index} does not exist; the model has {count} classes.</source>
        <translation>类别 {index} 不存在；模型共有 {count} 个类别。</translation>
    </message>
    <message>
        <source>Pick a class from 0 to {last}.</source>
        <translation>请选择 0 到 {last} 之间的类别。</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer with spatial axes; {layer} has none.</source>
        <translation>Grad-CAM 需要具有空间轴的层；{layer} 没有。</translation>
    </message>
    <message>
        <source>Pick a convolution or pooling layer.</source>
        <translation>请选择卷积层或池化层。</translation>
    </message>
    <message>
        <source>Occlusion slides a patch over an image; this model&apos;s input has only one axis.</source>
        <translation>遮挡法在图像上滑动一个小块；此模型的输入只有一个轴。</translation>
    </message>
    <message>
        <source>Use saliency or Integrated Gradients.</source>
        <translation>请使用显著性图或积分梯度。</translation>
    </message>
    <message>
        <source>A regression model has no classes to choose from.</source>
        <translation>回归模型没有可选的类别。</translation>
    </message>
    <message>
        <source>A projection needs at least three samples.</source>
        <translation>投影至少需要三个样本。</translation>
    </message>
    <message>
        <source>UMAP needs the umap-learn package, which is not installed.</source>
        <translation>UMAP 需要 umap-learn 包，但它未安装。</translation>
    </message>
    <message>
        <source>Install it (pip install umap-learn) or use PCA or t-SNE.</source>
        <translation>请安装它（pip install umap-learn），或使用 PCA 或 t-SNE。</translation>
    </message>
    <message>
        <source>The validation set is empty.</source>
        <translation>验证集为空。</translation>
    </message>
    <message>
        <source>Cannot read the layers&apos; outputs: {error}</source>
        <translation>无法读取各层的输出：{error}</translation>
    </message>
    <message>
        <source>A regression model has no wrong classes; see its residuals.</source>
        <translation>回归模型没有误判的类别；请查看其残差。</translation>
    </message>
    <message>
        <source>ROC and precision-recall curves need samples of both classes.</source>
        <translation>ROC 曲线和精确率-召回率曲线需要两个类别的样本。</translation>
    </message>
    <message>
        <source>Residuals are for regression models.</source>
        <translation>残差只适用于回归模型。</translation>
    </message>
    <message>
        <source>The model has {count} outputs; explanations need exactly one.</source>
        <translation>该模型有 {count} 个输出；解释需要恰好一个输出。</translation>
    </message>
    <message>
        <source>Explain a model with a single output.</source>
        <translation>请解释单输出的模型。</translation>
    </message>
    <message>
        <source>The model has no convolutional layer, so Grad-CAM has nothing to use.</source>
        <translation>该模型没有卷积层，因此 Grad-CAM 无层可用。</translation>
    </message>
    <message>
        <source>Use saliency, SmoothGrad, Integrated Gradients or occlusion instead.</source>
        <translation>请改用显著性图、SmoothGrad、积分梯度或遮挡法。</translation>
    </message>
    <message>
        <source>The input has shape {shape}, but the model expects one sample of shape {expected}.</source>
        <translation>输入的形状为 {shape}，但模型期望一个形状为 {expected} 的样本。</translation>
    </message>
    <message>
        <source>Give one preprocessed sample without the batch axis.</source>
        <translation>请提供一个不含批维度、已预处理的样本。</translation>
    </message>
    <message>
        <source>The model has no layer called {name}.</source>
        <translation>模型中没有名为 {name} 的层。</translation>
    </message>
    <message>
        <source>Layers: {names}.</source>
        <translation>层：{names}。</translation>
    </message>
    <message>
        <source>Explanations need a model with exactly one input.</source>
        <translation>解释需要恰好一个输入的模型。</translation>
    </message>
    <message>
        <source>{layer} is a {type}, not a recurrent layer.</source>
        <translation>{layer} 是 {type}，不是循环层。</translation>
    </message>
    <message>
        <source>Pick one of: {names}.</source>
        <translation>请选择以下之一：{names}。</translation>
    </message>
    <message>
        <source>The dataset {dataset} has samples of shape {actual}, but {name} expects {expected}.</source>
        <translation>数据集 {dataset} 的样本形状为 {actual}，但 {name} 期望 {expected}。</translation>
    </message>
    <message>
        <source>{name} has no dataset to evaluate on.</source>
        <translation>{name} 没有用于评估的数据集。</translation>
    </message>
    <message>
        <source>Choose a dataset (--dataset NAME on the command line).</source>
        <translation>请选择数据集（命令行中使用 --dataset NAME）。</translation>
    </message>
    <message>
        <source>Cannot open the model {name}: {reason}</source>
        <translation>无法打开模型 {name}：{reason}</translation>
    </message>
    <message>
        <source>Give a .keras model saved by Keras 3 (or by NeuroCanvas).</source>
        <translation>请提供由 Keras 3（或 NeuroCanvas）保存的 .keras 模型。</translation>
    </message>
    <message>
        <source>the file does not hold a NeuroCanvas document (expected a JSON object).</source>
        <translation>该文件不包含 NeuroCanvas 文档（应为一个 JSON 对象）。</translation>
    </message>
    <message>
        <source>unsupported format {fmt}; expected {expected}.</source>
        <translation>不支持的格式 {fmt}；应为 {expected}。</translation>
    </message>
    <message>
        <source>This file was not written by NeuroCanvas, or by an incompatible version.</source>
        <translation>该文件不是由 NeuroCanvas 写入的，或来自不兼容的版本。</translation>
    </message>
    <message>
        <source>&apos;name&apos; must be a string.</source>
        <translation>&apos;name&apos; 必须是字符串。</translation>
    </message>
    <message>
        <source>&apos;nodes&apos; must be a list of layer objects.</source>
        <translation>&apos;nodes&apos; 必须是层对象的列表。</translation>
    </message>
    <message>
        <source>&apos;edges&apos; must be a list of {{&quot;from&quot;, &quot;to&quot;}} objects.</source>
        <translation>&apos;edges&apos; 必须是 {{&quot;from&quot;, &quot;to&quot;}} 对象的列表。</translation>
    </message>
    <message>
        <source>&apos;experiments&apos; must be an object such as {{&quot;space&quot;: {{...}}}}.</source>
        <translation>&apos;experiments&apos; 必须是一个对象，例如 {{&quot;space&quot;: {{...}}}}。</translation>
    </message>
    <message>
        <source>Remove it, or write the search space as in the README&apos;s Experiments.</source>
        <translation>请删除它，或按 README 中“Experiments”一节的写法编写搜索空间。</translation>
    </message>
    <message>
        <source>node #{value} must be an object with &apos;id&apos; and &apos;type&apos;.</source>
        <translation>节点 #{value} 必须是含有 &apos;id&apos; 和 &apos;type&apos; 的对象。</translation>
    </message>
    <message>
        <source>{where}: &apos;id&apos; must be a non-empty string.</source>
        <translation>{where}：&apos;id&apos; 必须是非空字符串。</translation>
    </message>
    <message>
        <source>{where}: the id is used twice.</source>
        <translation>{where}：该 id 被使用了两次。</translation>
    </message>
    <message>
        <source>Every node needs its own id.</source>
        <translation>每个节点都需要自己的 id。</translation>
    </message>
    <message>
        <source>{where}: unknown layer type {type_name}.</source>
        <translation>{where}：未知的层类型 {type_name}。</translation>
    </message>
    <message>
        <source>Layer types are Keras class names such as &apos;Dense&apos; or &apos;Conv2D&apos;.</source>
        <translation>层类型是 Keras 类名，例如 &apos;Dense&apos; 或 &apos;Conv2D&apos;。</translation>
    </message>
    <message>
        <source>{where}: &apos;params&apos; must be an object.</source>
        <translation>{where}：&apos;params&apos; 必须是对象。</translation>
    </message>
    <message>
        <source>{where}: &apos;trainable&apos; must be true or false.</source>
        <translation>{where}：&apos;trainable&apos; 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>{where}: &apos;name&apos; must be a string.</source>
        <translation>{where}：&apos;name&apos; 必须是字符串。</translation>
    </message>
    <message>
        <source>edge #{value} must be an object with &apos;from&apos; and &apos;to&apos;.</source>
        <translation>连线 #{value} 必须是含有 &apos;from&apos; 和 &apos;to&apos; 的对象。</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>&apos;outputs&apos; must be a list of node ids.</source>
        <translation>&apos;outputs&apos; 必须是节点 id 的列表。</translation>
    </message>
    <message>
        <source>{path}: no such file.</source>
        <translation>{path}：文件不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a NeuroCanvas file.</source>
        <translation>{path} 是文件夹，不是 NeuroCanvas 文件。</translation>
    </message>
    <message>
        <source>{path} is not a text file; NeuroCanvas documents are JSON.</source>
        <translation>{path} 不是文本文件；NeuroCanvas 文档是 JSON。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {value}.</source>
        <translation>无法读取 {path}：{value}。</translation>
    </message>
    <message>
        <source>{source} is not valid JSON (line {lineno}, column {colno}: {msg}).</source>
        <translation>{source} 不是有效的 JSON（第 {lineno} 行，第 {colno} 列：{msg}）。</translation>
    </message>
    <message>
        <source>The file may be damaged; open a backup or the autosave.</source>
        <translation>文件可能已损坏；请打开备份或自动保存的文件。</translation>
    </message>
    <message>
        <source>{source} nests more than {depth} levels deep; it is not a NeuroCanvas document.</source>
        <translation>{source} 的嵌套超过 {depth} 层；它不是 NeuroCanvas 文档。</translation>
    </message>
    <message>
        <source>{source} is not valid JSON ({exc}).</source>
        <translation>{source} 不是有效的 JSON（{exc}）。</translation>
    </message>
    <message>
        <source>{where} nests more than {depth} levels deep.</source>
        <translation>{where} 的嵌套超过 {depth} 层。</translation>
    </message>
    <message>
        <source>This is not a NeuroCanvas document, or it is damaged.</source>
        <translation>这不是 NeuroCanvas 文档，或者文档已损坏。</translation>
    </message>
    <message>
        <source>{where} holds {bad}, a lone surrogate, which is not text.</source>
        <translation>{where} 含有 {bad}，这是一个孤立的代理字符，不是文本。</translation>
    </message>
    <message>
        <source>The file was written by a program that produced invalid Unicode; fix or remove that string.</source>
        <translation>写入该文件的程序产生了无效的 Unicode；请修正或删除该字符串。</translation>
    </message>
    <message>
        <source>{source}: {message}</source>
        <translation>{source}：{message}</translation>
    </message>
    <message>
        <source>{where} ({type_name}), param {param}: {message}</source>
        <translation>{where}（{type_name}），参数 {param}：{message}</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}：{message}</translation>
    </message>
    <message>
        <source>{where}: there is no node {end}.</source>
        <translation>{where}：不存在节点 {end}。</translation>
    </message>
    <message>
        <source>The edge points at a node that is not in the file.</source>
        <translation>该连线指向的节点不在文件中。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; must be an integer ≥ 0.</source>
        <translation>{where}：&apos;{key}&apos; 必须是 ≥ 0 的整数。</translation>
    </message>
    <message>
        <source>outputs: there is no node {nid}.</source>
        <translation>outputs：不存在节点 {nid}。</translation>
    </message>
    <message>
        <source>outputs: the port of {nid} must be an integer ≥ 0.</source>
        <translation>outputs：{nid} 的端口必须是 ≥ 0 的整数。</translation>
    </message>
    <message>
        <source>{where}: &apos;pos&apos; must be [x, y].</source>
        <translation>{where}：&apos;pos&apos; 必须是 [x, y]。</translation>
    </message>
    <message>
        <source>{where}: &apos;group&apos; must be a path like &apos;stage2/block1&apos;.</source>
        <translation>{where}：&apos;group&apos; 必须是形如 &apos;stage2/block1&apos; 的路径。</translation>
    </message>
    <message>
        <source>outputs: {item} is not a node id.</source>
        <translation>outputs：{item} 不是节点 id。</translation>
    </message>
    <message>
        <source>0 (no weights)</source>
        <translation>0（没有权重）</translation>
    </message>
    <message>
        <source>{axis}: ⌊({n} − {k})/{s}⌋ + 1 = {out}</source>
        <translation>{axis}：⌊({n} − {k})/{s}⌋ + 1 = {out}</translation>
    </message>
    <message>
        <source>{inputs} → {outputs}</source>
        <translation>{inputs} → {outputs}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>{axis}: unknown (the input length is not fixed)</source>
        <translation>{axis}：未知（输入长度不固定）</translation>
    </message>
    <message>
        <source>one slope per input position (shared axes count 1)</source>
        <translation>每个输入位置一个斜率（共享的轴计为 1）</translation>
    </message>
    <message>
        <source>query (d_q·heads·key_dim + heads·key_dim) + key (d_k·heads·key_dim + heads·key_dim) + value (d_v·heads·value_dim + heads·value_dim) + output (heads·value_dim·d_out + d_out)</source>
        <translation>查询 (d_q·heads·key_dim + heads·key_dim) + 键 (d_k·heads·key_dim + heads·key_dim) + 值 (d_v·heads·value_dim + heads·value_dim) + 输出 (heads·value_dim·d_out + d_out)</translation>
    </message>
    <message>
        <source>query (d_q·heads·key_dim + heads·key_dim) + key (d_k·heads·key_dim + heads·key_dim) + value (d_v·heads·value_dim + heads·value_dim) + output (heads·value_dim·d_out + d_out) + gate (d_q·heads·value_dim + heads·value_dim)</source>
        <translation>查询 (d_q·heads·key_dim + heads·key_dim) + 键 (d_k·heads·key_dim + heads·key_dim) + 值 (d_v·heads·value_dim + heads·value_dim) + 输出 (heads·value_dim·d_out + d_out) + 门控 (d_q·heads·value_dim + heads·value_dim)</translation>
    </message>
    <message>
        <source>query (d_q·heads·key_dim) + key (d_k·heads·key_dim) + value (d_v·heads·value_dim) + output (heads·value_dim·d_out)</source>
        <translation>查询 (d_q·heads·key_dim) + 键 (d_k·heads·key_dim) + 值 (d_v·heads·value_dim) + 输出 (heads·value_dim·d_out)</translation>
    </message>
    <message>
        <source>query (d_q·heads·key_dim) + key (d_k·heads·key_dim) + value (d_v·heads·value_dim) + output (heads·value_dim·d_out) + gate (d_q·heads·value_dim)</source>
        <translation>查询 (d_q·heads·key_dim) + 键 (d_k·heads·key_dim) + 值 (d_v·heads·value_dim) + 输出 (heads·value_dim·d_out) + 门控 (d_q·heads·value_dim)</translation>
    </message>
    <message>
        <source>the query shape with its last axis → {last}: {output}</source>
        <translation>查询的形状，最后一轴 → {last}：{output}</translation>
    </message>
    <message>
        <source>query features</source>
        <translation>查询的特征数</translation>
    </message>
    <message>
        <source>one scale per query feature</source>
        <translation>每个查询特征一个缩放系数</translation>
    </message>
    <message>
        <source>projections + scores and weighted sum heads·T_q·T_k·(key_dim + value_dim) + output</source>
        <translation>投影 + 注意力分数与加权求和 heads·T_q·T_k·(key_dim + value_dim) + 输出</translation>
    </message>
    <message>
        <source>scale + concat score weight</source>
        <translation>缩放系数 + concat 打分权重</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放系数</translation>
    </message>
    <message>
        <source>concat score weight</source>
        <translation>concat 打分权重</translation>
    </message>
    <message>
        <source>channels = filters = {filters}</source>
        <translation>通道数 = filters = {filters}</translation>
    </message>
    <message>
        <source>input positions·kernel·in_channels·filters</source>
        <translation>输入位置数·kernel·in_channels·filters</translation>
    </message>
    <message>
        <source>depthwise kernel·in_channels·depth_multiplier + pointwise in_channels·depth_multiplier·filters</source>
        <translation>逐通道卷积核 kernel·in_channels·depth_multiplier + 逐点 in_channels·depth_multiplier·filters</translation>
    </message>
    <message>
        <source>channels = in_channels·depth_multiplier = {channels}·{depth_multiplier} = {out}</source>
        <translation>通道数 = in_channels·depth_multiplier = {channels}·{depth_multiplier} = {out}</translation>
    </message>
    <message>
        <source>output positions·filters·kernel·in_channels</source>
        <translation>输出位置数·filters·kernel·in_channels</translation>
    </message>
    <message>
        <source>output positions·filters·kernel·(in_channels//groups)</source>
        <translation>输出位置数·filters·kernel·(in_channels//groups)</translation>
    </message>
    <message>
        <source>{axis}: {arithmetic} = {out}</source>
        <translation>{axis}：{arithmetic} = {out}</translation>
    </message>
    <message>
        <source>depthwise kernel·in_channels·depth_multiplier + pointwise in_channels·depth_multiplier·filters + filters (bias)</source>
        <translation>逐通道卷积核 kernel·in_channels·depth_multiplier + 逐点 in_channels·depth_multiplier·filters + filters（偏置）</translation>
    </message>
    <message>
        <source>output positions·(kernel·in_channels·depth_multiplier + in_channels·depth_multiplier·filters)</source>
        <translation>输出位置数·(kernel·in_channels·depth_multiplier + in_channels·depth_multiplier·filters)</translation>
    </message>
    <message>
        <source>output positions·kernel·in_channels·depth_multiplier</source>
        <translation>输出位置数·kernel·in_channels·depth_multiplier</translation>
    </message>
    <message>
        <source>positions·inputs·units</source>
        <translation>位置数·输入数·units</translation>
    </message>
    <message>
        <source>inputs·units</source>
        <translation>输入数·units</translation>
    </message>
    <message>
        <source>last axis {n} → units = {units}</source>
        <translation>最后一轴 {n} → units = {units}</translation>
    </message>
    <message>
        <source>one vector per sample: {sizes} = {count} values</source>
        <translation>每个样本展平为一个向量：{sizes} = {count} 个值</translation>
    </message>
    <message>
        <source>the values of each sample rearranged to target_shape {target}: {output}</source>
        <translation>每个样本的值重新排列为 target_shape {target}：{output}</translation>
    </message>
    <message>
        <source>{count} values per sample, rearranged to {shape}</source>
        <translation>每个样本 {count} 个值，重新排列为 {shape}</translation>
    </message>
    <message>
        <source>axis {axis} ({size})</source>
        <translation>第 {axis} 轴（{size}）</translation>
    </message>
    <message>
        <source>the non-batch axes in the order {moves}: {output}</source>
        <translation>非批维度的各轴依次为 {moves}：{output}</translation>
    </message>
    <message>
        <source>the input shape with an axis of output_dim = {output_dim} appended</source>
        <translation>在输入形状末尾追加一个 output_dim = {output_dim} 的轴</translation>
    </message>
    <message>
        <source>inputs·units + units (bias)</source>
        <translation>输入数·units + units（偏置）</translation>
    </message>
    <message>
        <source>{sizes}: unknown, an axis of the input has no fixed size</source>
        <translation>{sizes}：未知，输入有一个轴的大小不固定</translation>
    </message>
    <message>
        <source>the -1 axis is {total}//{known} = {size}</source>
        <translation>-1 所在的轴为 {total}//{known} = {size}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>input_dim·output_dim (one vector per index)</source>
        <translation>input_dim·output_dim（每个索引一个向量）</translation>
    </message>
    <message>
        <source>the batch axis, then shape = {shape}: {output}</source>
        <translation>批维度，再加上 shape = {shape}：{output}</translation>
    </message>
    <message>
        <source>the vector of {size} values repeated n = {n} times</source>
        <translation>含 {size} 个值的向量重复 n = {n} 次</translation>
    </message>
    <message>
        <source>as Keras computed it for the imported {class_name}: {outputs}</source>
        <translation>由 Keras 为导入的 {class_name} 计算：{outputs}</translation>
    </message>
    <message>
        <source>0 (the weights are {node}&apos;s, counted there)</source>
        <translation>0（权重属于 {node}，在那里计数）</translation>
    </message>
    <message>
        <source>as Keras counted the imported {class_name}</source>
        <translation>由 Keras 为导入的 {class_name} 统计</translation>
    </message>
    <message>
        <source>axis {axis}: the sum of the inputs&apos; sizes, unknown here</source>
        <translation>第 {axis} 轴：各输入大小之和，此处未知</translation>
    </message>
    <message>
        <source>output values·summed length</source>
        <translation>输出值个数·求和长度</translation>
    </message>
    <message>
        <source>axis {axis}: {sizes} = {total}</source>
        <translation>第 {axis} 轴：{sizes} = {total}</translation>
    </message>
    <message>
        <source>other axes unchanged</source>
        <translation>其他轴不变</translation>
    </message>
    <message>
        <source>axis {axis1} of x1 and axis {axis2} of x2 ({length} values) are multiplied and summed away</source>
        <translation>x1 的第 {axis1} 轴与 x2 的第 {axis2} 轴（{length} 个值）相乘后求和消去</translation>
    </message>
    <message>
        <source>the other axes remain: {output}</source>
        <translation>其余各轴保留：{output}</translation>
    </message>
    <message>
        <source>{names}: {count}·channels (non-trainable)</source>
        <translation>{names}：{count}·通道数（不可训练）</translation>
    </message>
    <message>
        <source>moving mean, variance, stddev and the renorm mean, stddev</source>
        <translation>滑动均值、方差、标准差以及 renorm 的均值、标准差</translation>
    </message>
    <message>
        <source>moving mean and variance</source>
        <translation>滑动均值和方差</translation>
    </message>
    <message>
        <source>{names}: {count}·channels (trainable) + {rest}</source>
        <translation>{names}：{count}·通道数（可训练）+ {rest}</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} 和 {second}</translation>
    </message>
    <message>
        <source>{names}: {count}·(size of the normalized axes)</source>
        <translation>{names}：{count}·(被标准化各轴的大小)</translation>
    </message>
    <message>
        <source>{names}: {count}·channels</source>
        <translation>{names}：{count}·通道数</translation>
    </message>
    <message>
        <source>mean and variance per kept position + the sample count (non-trainable)</source>
        <translation>每个保留位置的均值和方差 + 样本计数（不可训练）</translation>
    </message>
    <message>
        <source>0 (mean and variance are given as constants, not weights)</source>
        <translation>0（均值和方差以常数给出，不是权重）</translation>
    </message>
    <message>
        <source>fixed as entered when it was imported for the custom {class_name} (its code is not loaded)</source>
        <translation>自定义层 {class_name} 的形状固定为导入时填写的值（未加载其代码）</translation>
    </message>
    <message>
        <source>fixed as Keras recorded it in the file for the custom {class_name} (its code is not loaded)</source>
        <translation>自定义层 {class_name} 的形状固定为 Keras 在文件中记录的值（未加载其代码）</translation>
    </message>
    <message>
        <source>the {axes} axes are pooled away (kept with size 1: keepdims)</source>
        <translation>{axes} 轴被池化掉（keepdims：保留为大小 1 的轴）</translation>
    </message>
    <message>
        <source>the {axes} axes are pooled away</source>
        <translation>{axes} 轴被池化掉</translation>
    </message>
    <message>
        <source>channels unchanged = {channels}</source>
        <translation>通道数不变 = {channels}</translation>
    </message>
    <message>
        <source>height × width</source>
        <translation>高度 × 宽度</translation>
    </message>
    <message>
        <source>depth × height × width</source>
        <translation>深度 × 高度 × 宽度</translation>
    </message>
    <message>
        <source>one value per channel = {channels}</source>
        <translation>每个通道一个值 = {channels}</translation>
    </message>
    <message>
        <source>height = {height}, width = {width} as set</source>
        <translation>高度 = {height}，宽度 = {width}（按设置）</translation>
    </message>
    <message>
        <source>channels unchanged</source>
        <translation>通道数不变</translation>
    </message>
    <message>
        <source>the central {height}×{width} window of each image</source>
        <translation>每张图像中央 {height}×{width} 的窗口</translation>
    </message>
    <message>
        <source>n·m + m·m + m (n = features, m = units)</source>
        <translation>n·m + m·m + m（n = 特征数，m = units）</translation>
    </message>
    <message>
        <source>4·((n + m)·m + m) (n = features, m = units)</source>
        <translation>4·((n + m)·m + m)（n = 特征数，m = units）</translation>
    </message>
    <message>
        <source>3·(n·m + m·m + m) (n = features, m = units)</source>
        <translation>3·(n·m + m·m + m)（n = 特征数，m = units）</translation>
    </message>
    <message>
        <source>3·(n·m + m·m + 2·m) (n = features, m = units); reset_after keeps two bias vectors</source>
        <translation>3·(n·m + m·m + 2·m)（n = 特征数，m = units）；reset_after 保留两组偏置向量</translation>
    </message>
    <message>
        <source>3·(n·m + m·m + 2·m); reset_after keeps two bias vectors</source>
        <translation>3·(n·m + m·m + 2·m)；reset_after 保留两组偏置向量</translation>
    </message>
    <message>
        <source>timesteps·gates·units·(features + units)</source>
        <translation>时间步数·门数·units·(特征数 + units)</translation>
    </message>
    <message>
        <source>forward and backward outputs concatenated on the last axis</source>
        <translation>前向与反向的输出在最后一轴上拼接</translation>
    </message>
    <message>
        <source>{merged}: {outputs}</source>
        <translation>{merged}：{outputs}</translation>
    </message>
    <message>
        <source>the {layer} on each of the {steps} time steps: {step} → {out} per step</source>
        <translation>{layer} 作用于 {steps} 个时间步中的每一步：每步 {step} → {out}</translation>
    </message>
    <message>
        <source>{gates}·(n + m)·m (n = features, m = units), no bias</source>
        <translation>{gates}·(n + m)·m（n = 特征数，m = units），无偏置</translation>
    </message>
    <message>
        <source>{gates}·(n + m)·m, no bias</source>
        <translation>{gates}·(n + m)·m，无偏置</translation>
    </message>
    <message>
        <source>every time step: timesteps = {timesteps}, units = {units}</source>
        <translation>每个时间步都输出：时间步数 = {timesteps}，units = {units}</translation>
    </message>
    <message>
        <source>the last time step only: units = {units}</source>
        <translation>只输出最后一个时间步：units = {units}</translation>
    </message>
    <message>
        <source>final state(s) of units each as extra outputs</source>
        <translation>最终的记忆体状态（每个大小为 units）作为额外输出</translation>
    </message>
    <message>
        <source>forward and backward outputs kept apart</source>
        <translation>前向与反向的输出分开保留</translation>
    </message>
    <message>
        <source>forward and backward outputs merged ({mode})</source>
        <translation>前向与反向的输出合并（{mode}）</translation>
    </message>
    <message>
        <source>forward {forward} + backward {backward}</source>
        <translation>前向 {forward} + 反向 {backward}</translation>
    </message>
    <message>
        <source>forward + backward</source>
        <translation>前向 + 反向</translation>
    </message>
    <message>
        <source>the wrapped {layer}&apos;s weights, shared by all steps: {rule}</source>
        <translation>被包装的 {layer} 的权重，所有时间步共享：{rule}</translation>
    </message>
    <message>
        <source>timesteps·({rule})</source>
        <translation>时间步数·({rule})</translation>
    </message>
    <message>
        <source>{axis}: unknown</source>
        <translation>{axis}：未知</translation>
    </message>
    <message>
        <source>{axis}: {arithmetic}</source>
        <translation>{axis}：{arithmetic}</translation>
    </message>
    <message>
        <source>{axis}: ⌈{n}/{s}⌉ = {out} (padding=&apos;{padding}&apos;)</source>
        <translation>{axis}：⌈{n}/{s}⌉ = {out}（padding=&apos;{padding}&apos;）</translation>
    </message>
    <message>
        <source>{axis}: ⌊({n} − {eff})/{s}⌋ + 1 = {out} (dilated kernel {d}·({k} − 1) + 1 = {eff})</source>
        <translation>{axis}：⌊({n} − {eff})/{s}⌋ + 1 = {out}（膨胀后的卷积核 {d}·({k} − 1) + 1 = {eff}）</translation>
    </message>
    <message>
        <source>{rule}
= {arithmetic} = {value}</source>
        <translation>{rule}
= {arithmetic} = {value}</translation>
    </message>
    <message>
        <source>weights as declared by the layer</source>
        <translation>该层声明的权重数</translation>
    </message>
    <message>
        <source>estimated multiply-adds</source>
        <translation>估算的乘加次数</translation>
    </message>
    <message>
        <source>same shape as the input: {shape}</source>
        <translation>与输入形状相同：{shape}</translation>
    </message>
    <message>
        <source>no input → {outputs}</source>
        <translation>无输入 → {outputs}</translation>
    </message>
    <message>
        <source>{rule} = {value}</source>
        <translation>{rule} = {value}</translation>
    </message>
    <message>
        <source>trainable + non-trainable</source>
        <translation>可训练 + 不可训练</translation>
    </message>
    <message>
        <source>0 (no multiply-adds)</source>
        <translation>0（没有乘加运算）</translation>
    </message>
    <message>
        <source>one per input value</source>
        <translation>每个输入值一次</translation>
    </message>
    <message>
        <source>one per output value</source>
        <translation>每个输出值一次</translation>
    </message>
    <message>
        <source>fresh weights (the document had none)</source>
        <translation>新的权重（文档中没有权重）</translation>
    </message>
    <message>
        <source>--widen {text}: expected LAYER:FACTOR, e.g. hidden:2.</source>
        <translation>--widen {text}：应为 LAYER:FACTOR，例如 hidden:2。</translation>
    </message>
    <message>
        <source>run {run} (step {step})</source>
        <translation>运行 {run}（第 {step} 步）</translation>
    </message>
    <message>
        <source>the document&apos;s weights</source>
        <translation>文档中的权重</translation>
    </message>
    <message>
        <source>{file} has errors; grow needs a valid network: {message}</source>
        <translation>{file} 有错误；grow 需要有效的网络：{message}</translation>
    </message>
    <message>
        <source>The network is not valid: {message} (and {more} more)</source>
        <translation>网络无效：{message}（另有 {more} 处）</translation>
    </message>
    <message>
        <source>The network is not valid: {message}</source>
        <translation>网络无效：{message}</translation>
    </message>
    <message>
        <source>{node} calls the layer of {owner_id} again, but there is no such layer before it.</source>
        <translation>{node} 再次调用 {owner_id} 的层，但它之前没有这个层。</translation>
    </message>
    <message>
        <source>Delete this call, or connect it after that layer.</source>
        <translation>请删除这次调用，或把它连接到那个层之后。</translation>
    </message>
    <message>
        <source>{node} calls the layer of {owner} again, but its copy of {owner}&apos;s settings is out of date.</source>
        <translation>{node} 再次调用 {owner} 的层，但它保存的 {owner} 设置副本已过时。</translation>
    </message>
    <message>
        <source>Copy {owner}&apos;s type and params into {node}&apos;s &apos;layer&apos; param.</source>
        <translation>请把 {owner} 的类型和参数复制到 {node} 的 &apos;layer&apos; 参数中。</translation>
    </message>
    <message>
        <source>{path}: a Keras model file must end in .keras.</source>
        <translation>{path}：Keras 模型文件必须以 .keras 结尾。</translation>
    </message>
    <message>
        <source>regularizer {value}</source>
        <translation>正则化器 {value}</translation>
    </message>
    <message>
        <source>unexpected config value {value}</source>
        <translation>意外的配置值 {value}</translation>
    </message>
    <message>
        <source>custom object {class_name}</source>
        <translation>自定义对象 {class_name}</translation>
    </message>
    <message>
        <source>initializer {value}</source>
        <translation>初始化器 {value}</translation>
    </message>
    <message>
        <source>constraint {value}</source>
        <translation>约束 {value}</translation>
    </message>
    <message>
        <source>Register the class with @keras.saving.register_keras_serializable and import the module that defines it before importing the model.</source>
        <translation>请用 @keras.saving.register_keras_serializable 注册该类，并在导入模型之前导入定义它的模块。</translation>
    </message>
    <message>
        <source>In Python, where the class is defined, build the model and call engine.keras_import.import_model(model, trace=True): a model whose call is a straight line of layers is traced into a graph. Otherwise rebuild it with the functional API (keras.Model(inputs, outputs)).</source>
        <translation>请在定义该类的 Python 代码中构建模型，并调用 engine.keras_import.import_model(model, trace=True)：调用过程是一条直线的层序列的模型会被追踪成图。否则请用函数式 API（keras.Model(inputs, outputs)）重建它。</translation>
    </message>
    <message>
        <source>{model} is a subclassed model ({cls}); it was traced: its call was run once on symbolic inputs and the layers it called became the document&apos;s graph.</source>
        <translation>{model} 是子类化模型（{cls}）；已对它进行追踪：在符号输入上运行了一次它的调用，它所调用的层成为了文档的图。</translation>
    </message>
    <message>
        <source>The file is incomplete or damaged; save the model again with model.save().</source>
        <translation>文件不完整或已损坏；请用 model.save() 重新保存模型。</translation>
    </message>
    <message>
        <source>an unnamed {cls} layer</source>
        <translation>一个未命名的 {cls} 层</translation>
    </message>
    <message>
        <source>the {cls} object</source>
        <translation>{cls} 对象</translation>
    </message>
    <message>
        <source>{source}: no such model file.</source>
        <translation>{source}：模型文件不存在。</translation>
    </message>
    <message>
        <source>Give a .keras or .h5 file, or keras.applications.&lt;Name&gt; such as keras.applications.ResNet50.</source>
        <translation>请给出 .keras 或 .h5 文件，或 keras.applications.&lt;Name&gt;，例如 keras.applications.ResNet50。</translation>
    </message>
    <message>
        <source>Internal error: a layer call is missing from its layer&apos;s history.</source>
        <translation>内部错误：层的调用历史中缺少一次调用。</translation>
    </message>
    <message>
        <source>no arguments</source>
        <translation>无参数</translation>
    </message>
    <message>
        <source>{path} could not be loaded by Keras: {first_line}</source>
        <translation>Keras 无法加载 {path}：{first_line}</translation>
    </message>
    <message>
        <source>Check that it is a model saved with model.save().</source>
        <translation>请确认它是用 model.save() 保存的模型。</translation>
    </message>
    <message>
        <source>layer {name} ({cls})</source>
        <translation>层 {name}（{cls}）</translation>
    </message>
    <message>
        <source>an unnamed {cls} layer at position {position} of the model&apos;s layers</source>
        <translation>模型层列表中第 {position} 个位置上一个未命名的 {cls} 层</translation>
    </message>
    <message>
        <source>the {cls} object in {owner}</source>
        <translation>{owner} 中的 {cls} 对象</translation>
    </message>
    <message>
        <source>Expected a keras.Model, got {kind}.</source>
        <translation>应为 keras.Model，实际为 {kind}。</translation>
    </message>
    <message>
        <source>The subclassed model {model} ({value}) is not built, so its input shape is unknown.</source>
        <translation>子类化模型 {model}（{value}）尚未构建，因此其输入形状未知。</translation>
    </message>
    <message>
        <source>Call it once on a batch (model(x)) or model.build(input_shape), then import it.</source>
        <translation>请先在一批数据上调用一次（model(x)）或执行 model.build(input_shape)，再导入它。</translation>
    </message>
    <message>
        <source>The subclassed model {model} ({value}) takes several arguments ({names}); only a call on one input (or a list of inputs) can be traced.</source>
        <translation>子类化模型 {model}（{value}）有多个参数（{names}）；只有在单个输入（或输入列表）上的调用才能被追踪。</translation>
    </message>
    <message>
        <source>The subclassed model {model} ({value}) cannot be traced exactly: its call does not go through layers for {count} of its weights ({names}).</source>
        <translation>无法精确追踪子类化模型 {model}（{value}）：对于 {count} 个权重（{names}），它的调用并不经过层。</translation>
    </message>
    <message>
        <source>Rebuild it with the functional API.</source>
        <translation>请用函数式 API 重建它。</translation>
    </message>
    <message>
        <source>The subclassed model {model} ({value}) cannot be traced exactly: the traced graph does not compute what its call does.</source>
        <translation>无法精确追踪子类化模型 {model}（{value}）：追踪得到的图与它的调用计算的结果不同。</translation>
    </message>
    <message>
        <source>Its call must be a straight line of layers; rebuild it with the functional API.</source>
        <translation>它的调用必须是一条直线的层序列；请用函数式 API 重建它。</translation>
    </message>
    <message>
        <source>{path}: a Keras model file ends in .keras or .h5.</source>
        <translation>{path}：Keras 模型文件以 .keras 或 .h5 结尾。</translation>
    </message>
    <message>
        <source>Save the model with model.save(&apos;model.keras&apos;).</source>
        <translation>请用 model.save(&apos;model.keras&apos;) 保存模型。</translation>
    </message>
    <message>
        <source>{path} is damaged: its member {bad} fails its checksum.</source>
        <translation>{path} 已损坏：其成员 {bad} 校验和不符。</translation>
    </message>
    <message>
        <source>Did you mean {close_0}?</source>
        <translation>你是指 {close_0} 吗？</translation>
    </message>
    <message>
        <source>Known architectures: {names}.</source>
        <translation>已知的架构：{names}。</translation>
    </message>
    <message>
        <source>keras.applications has no architecture {short}.</source>
        <translation>keras.applications 中没有架构 {short}。</translation>
    </message>
    <message>
        <source>Layer {name} ({class_name}) gets tensors as keyword arguments ({names}), which NeuroCanvas can only wire for catalog layers.</source>
        <translation>层 {name}（{class_name}）以关键字参数接收张量（{names}），NeuroCanvas 只能为层目录中的层连接这种输入。</translation>
    </message>
    <message>
        <source>{path}: {what} is refused: {why}</source>
        <translation>{path}：{what} 被拒绝：{why}</translation>
    </message>
    <message>
        <source>The subclassed model {model} ({value}) could not be traced on symbolic inputs: {first_line}</source>
        <translation>无法在符号输入上追踪子类化模型 {model}（{value}）：{first_line}</translation>
    </message>
    <message>
        <source>Its call must be a straight line of Keras layers and operations; rebuild it with the functional API otherwise.</source>
        <translation>它的调用必须是一条直线的 Keras 层和运算序列；否则请用函数式 API 重建它。</translation>
    </message>
    <message>
        <source>{path} is damaged: it is not a complete .keras archive ({exc}).</source>
        <translation>{path} 已损坏：它不是完整的 .keras 归档（{exc}）。</translation>
    </message>
    <message>
        <source>{path} cannot be read as a .keras archive ({exc}).</source>
        <translation>无法把 {path} 作为 .keras 归档读取（{exc}）。</translation>
    </message>
    <message>
        <source>keras.applications.{short} could not be built: {first_line}</source>
        <translation>无法构建 keras.applications.{short}：{first_line}</translation>
    </message>
    <message>
        <source>The imported network is not valid: {message}</source>
        <translation>导入的网络无效：{message}</translation>
    </message>
    <message>
        <source>The model {model} is a subclassed keras.Model ({kind}): its computation is Python code, not a graph of layers.</source>
        <translation>模型 {model} 是子类化的 keras.Model（{kind}）：它的计算是 Python 代码，而不是由层组成的图。</translation>
    </message>
    <message>
        <source>Import it with import_model(model, trace=True) if its call is a straight line of layers, or rebuild it with the functional API.</source>
        <translation>如果它的调用是一条直线的层序列，请用 import_model(model, trace=True) 导入；否则请用函数式 API 重建它。</translation>
    </message>
    <message>
        <source>Layer {op} is a Lambda layer: it runs arbitrary Python code, which a document cannot hold and Keras&apos;s safe mode refuses to load.</source>
        <translation>层 {op} 是 Lambda 层：它运行任意 Python 代码，文档无法保存这些代码，Keras 的安全模式也拒绝加载。</translation>
    </message>
    <message>
        <source>Replace it with built-in layers (Activation, Rescaling, Reshape, ...) or a registered custom layer, then import again.</source>
        <translation>请用内置层（Activation、Rescaling、Reshape 等）或已注册的自定义层替换它，然后重新导入。</translation>
    </message>
    <message>
        <source>{model} was called with training=False; its layers are inlined, so freeze them (trainable=False, as imported when the model was frozen) to keep BatchNormalization in inference mode while training.</source>
        <translation>{model} 以 training=False 调用；它的层已被内联，因此请冻结它们（trainable=False，与模型冻结时导入的状态相同），使批标准化（BatchNormalization）在训练时保持推理模式。</translation>
    </message>
    <message>
        <source>Layer {op} gets tensors nested in its argument {bad_0}, which NeuroCanvas cannot wire.</source>
        <translation>层 {op} 的参数 {bad_0} 中嵌套了张量，NeuroCanvas 无法连接。</translation>
    </message>
    <message>
        <source>Layer {op} is called with arguments NeuroCanvas cannot keep ({describe_args}).</source>
        <translation>层 {op} 的调用参数 NeuroCanvas 无法保存（{describe_args}）。</translation>
    </message>
    <message>
        <source>Pass tensors and plain numbers or strings only.</source>
        <translation>请只传入张量以及普通的数或字符串。</translation>
    </message>
    <message>
        <source>config keys the catalog does not reproduce: {names}</source>
        <translation>层目录无法复现的配置键：{names}</translation>
    </message>
    <message>
        <source>the catalog computes output shape(s) {outs}, Keras {out_shapes}</source>
        <translation>层目录计算的输出形状为 {outs}，Keras 为 {out_shapes}</translation>
    </message>
    <message>
        <source>the catalog counts (trainable, non-trainable) weights {weights}, Keras {counts}</source>
        <translation>层目录统计的（可训练, 不可训练）权重为 {weights}，Keras 为 {counts}</translation>
    </message>
    <message>
        <source>{op} ({kind}) keeps its adapted {names} in its params.</source>
        <translation>{op}（{kind}）在其参数中保留了 adapt 得到的 {names}。</translation>
    </message>
    <message>
        <source>{count} inputs for {count2} ports</source>
        <translation>{count} 个输入对应 {count2} 个端口</translation>
    </message>
    <message>
        <source>its optional inputs are not given in order</source>
        <translation>它的可选输入没有按顺序给出</translation>
    </message>
    <message>
        <source>{op} ({kind}) keeps its adapted {names} in its config.</source>
        <translation>{op}（{kind}）在其配置中保留了 adapt 得到的 {names}。</translation>
    </message>
    <message>
        <source>Layer {name} is called with {key}={kind}, which is not plain data NeuroCanvas can keep.</source>
        <translation>层 {name} 以 {key}={kind} 调用，这不是 NeuroCanvas 能保存的普通数据。</translation>
    </message>
    <message>
        <source>Layer {name} ({class_name}): {message}</source>
        <translation>层 {name}（{class_name}）：{message}</translation>
    </message>
    <message>
        <source>a Lambda layer runs arbitrary Python code, which Keras&apos;s safe mode refuses to load and a document cannot hold.</source>
        <translation>Lambda 层运行任意 Python 代码，Keras 的安全模式拒绝加载，文档也无法保存。</translation>
    </message>
    <message>
        <source>Replace it with built-in layers (Activation, Rescaling, Reshape, ...) and save the model again; or, if you trust the file, import it with --trust-lambda (import_file(path, trust_lambda=True)).</source>
        <translation>请用内置层（Activation、Rescaling、Reshape 等）替换它并重新保存模型；如果你信任该文件，也可以用 --trust-lambda 导入（import_file(path, trust_lambda=True)）。</translation>
    </message>
    <message>
        <source>it is configured with the Python function {fn} in its argument {key}; a saved model holds only the function&apos;s name, not its code.</source>
        <translation>它的参数 {key} 配置为 Python 函数 {fn}；保存的模型只包含函数名，不包含其代码。</translation>
    </message>
    <message>
        <source>it is configured with the Python function {fn}; a saved model holds only the function&apos;s name, not its code.</source>
        <translation>它配置为 Python 函数 {fn}；保存的模型只包含函数名，不包含其代码。</translation>
    </message>
    <message>
        <source>Use one of Keras&apos;s built-in options for that argument, or register the function with @keras.saving.register_keras_serializable and import its module before importing the model.</source>
        <translation>请为该参数使用 Keras 的内置选项，或用 @keras.saving.register_keras_serializable 注册该函数，并在导入模型之前导入其模块。</translation>
    </message>
    <message>
        <source>the model {name}</source>
        <translation>模型 {name}</translation>
    </message>
    <message>
        <source>it is a subclassed keras.Model ({value}): its computation is Python code, not a graph of layers, and its class is not registered in this process.</source>
        <translation>它是子类化的 keras.Model（{value}）：它的计算是 Python 代码，而不是由层组成的图，并且它的类在当前进程中没有注册。</translation>
    </message>
    <message>
        <source>it is a custom class from module {module}, which is not registered, so Keras cannot rebuild it safely.</source>
        <translation>它是来自模块 {module} 的自定义类，没有注册，因此 Keras 无法安全地重建它。</translation>
    </message>
    <message>
        <source>it is a custom class ({registered}) that is not registered in this process, so Keras cannot rebuild it.</source>
        <translation>它是在当前进程中没有注册的自定义类（{registered}），因此 Keras 无法重建它。</translation>
    </message>
    <message>
        <source>weights=&apos;imagenet&apos; needs the weights file in ~/.keras/models (there is no download here).</source>
        <translation>weights=&apos;imagenet&apos; 需要 ~/.keras/models 中的权重文件（这里无法下载）。</translation>
    </message>
    <message>
        <source>{node} ({class_name}) cannot take input {names}: {first_line}</source>
        <translation>{node}（{class_name}）无法接受输入 {names}：{first_line}</translation>
    </message>
    <message>
        <source>Change the layers before it back, or replace this layer.</source>
        <translation>请把它之前的层改回原样，或替换这个层。</translation>
    </message>
    <message>
        <source>The Sequential model {model} has no input shape yet, so its layers have no shapes to import.</source>
        <translation>Sequential 模型 {model} 还没有输入形状，因此它的层没有可导入的形状。</translation>
    </message>
    <message>
        <source>Start it with keras.Input(shape=...), or call model.build(input_shape) first.</source>
        <translation>请以 keras.Input(shape=...) 开始，或先调用 model.build(input_shape)。</translation>
    </message>
    <message>
        <source>The model {fn} is called with {count} tensors but has {count2} inputs.</source>
        <translation>模型 {fn} 以 {count} 个张量调用，但它有 {count2} 个输入。</translation>
    </message>
    <message>
        <source>The tensor {value} comes from {op}, which is not part of the model.</source>
        <translation>张量 {value} 来自 {op}，而 {op} 不属于该模型。</translation>
    </message>
    <message>
        <source>Input {layer}: {message}</source>
        <translation>输入层 {layer}：{message}</translation>
    </message>
    <message>
        <source>the catalog has no {class_name}</source>
        <translation>层目录中没有 {class_name}</translation>
    </message>
    <message>
        <source>{class_name} is a custom layer ({module})</source>
        <translation>{class_name} 是自定义层（{module}）</translation>
    </message>
    <message>
        <source>Layer {op} ({class_name}) gets tensors as keyword arguments ({names}), which NeuroCanvas can only wire for catalog layers.</source>
        <translation>层 {op}（{class_name}）以关键字参数接收张量（{names}），NeuroCanvas 只能为层目录中的层连接这种输入。</translation>
    </message>
    <message>
        <source>Layer {op} ({class_name}): {message}</source>
        <translation>层 {op}（{class_name}）：{message}</translation>
    </message>
    <message>
        <source>Layer {op} is called again in a different way than its first call, which NeuroCanvas cannot represent.</source>
        <translation>层 {op} 再次被调用的方式与第一次不同，NeuroCanvas 无法表示。</translation>
    </message>
    <message>
        <source>Layer {op} ({kind}) is shared between calls with different shapes; the catalog does not know it, so NeuroCanvas cannot compute the shapes of the second call.</source>
        <translation>层 {op}（{kind}）在多次调用间共享但形状不同；层目录中没有它，因此 NeuroCanvas 无法计算第二次调用的形状。</translation>
    </message>
    <message>
        <source>Layer {op} is called again with other call arguments ({again} instead of {first}), which NeuroCanvas cannot represent.</source>
        <translation>层 {op} 再次被调用时使用了不同的调用参数（{again}，而不是 {first}），NeuroCanvas 无法表示。</translation>
    </message>
    <message>
        <source>Layer {op}, called again: the catalog computes {outs} where Keras has {value}.</source>
        <translation>层 {op} 再次调用时：层目录计算得到 {outs}，而 Keras 为 {value}。</translation>
    </message>
    <message>
        <source>param {param}: {message}</source>
        <translation>参数 {param}：{message}</translation>
    </message>
    <message>
        <source>the catalog&apos;s shape rule refuses it: {message}</source>
        <translation>层目录的形状规则拒绝了它：{message}</translation>
    </message>
    <message>
        <source>tensor keyword arguments {tensor_kwargs}</source>
        <translation>以关键字传入的张量参数 {tensor_kwargs}</translation>
    </message>
    <message>
        <source>the tensor argument {key} has no port</source>
        <translation>张量参数 {key} 没有对应的端口</translation>
    </message>
    <message>
        <source>the call argument {key}={value}</source>
        <translation>调用参数 {key}={value}</translation>
    </message>
    <message>
        <source>{name} is a custom function</source>
        <translation>{name} 是自定义函数</translation>
    </message>
    <message>
        <source>{name} is not a layer config</source>
        <translation>{name} 不是层配置</translation>
    </message>
    <message>
        <source>{name} wraps {class_name}, which the catalog lacks</source>
        <translation>{name} 包装了 {class_name}，而层目录中没有它</translation>
    </message>
    <message>
        <source>Layer {op} ({kind}) cannot be saved as a config: {first_line}</source>
        <translation>层 {op}（{kind}）无法保存为配置：{first_line}</translation>
    </message>
    <message>
        <source>Give the layer a get_config() and register it with @keras.saving.register_keras_serializable.</source>
        <translation>请为该层提供 get_config()，并用 @keras.saving.register_keras_serializable 注册它。</translation>
    </message>
    <message>
        <source>Layer {op} is a custom {kind} ({module}) that Keras cannot rebuild from its config: {first_line}</source>
        <translation>层 {op} 是自定义的 {kind}（{module}），Keras 无法从其配置重建它：{first_line}</translation>
    </message>
    <message>
        <source>Register the class with @keras.saving.register_keras_serializable and import it before importing the model.</source>
        <translation>请用 @keras.saving.register_keras_serializable 注册该类，并在导入模型之前导入它。</translation>
    </message>
    <message>
        <source>Layer {op} is called with {key}={kind}, which is not plain data NeuroCanvas can keep.</source>
        <translation>层 {op} 以 {key}={kind} 调用，这不是 NeuroCanvas 能保存的普通数据。</translation>
    </message>
    <message>
        <source>Pass numbers, strings, lists, slices or None only.</source>
        <translation>请只传入数、字符串、列表、切片或 None。</translation>
    </message>
    <message>
        <source>Layer {op} is called again with {exc}, which NeuroCanvas cannot represent.</source>
        <translation>层 {op} 再次以 {exc} 调用，NeuroCanvas 无法表示。</translation>
    </message>
    <message>
        <source>Layer {op}, called again: {message}</source>
        <translation>层 {op} 再次调用时：{message}</translation>
    </message>
    <message>
        <source>Layer {nid}: {message}</source>
        <translation>层 {nid}：{message}</translation>
    </message>
    <message>
        <source>the catalog cannot build it back ({first_line})</source>
        <translation>层目录无法把它重新构建出来（{first_line}）</translation>
    </message>
    <message>
        <source>the tensor argument {key} holds {count} tensors for {count2} ports</source>
        <translation>张量参数 {key} 含有 {count} 个张量，而端口有 {count2} 个</translation>
    </message>
    <message>
        <source>The parameters need {gb} ({total_params} × {size} bytes) but {where} has {gb2} of memory: the model cannot be built there.</source>
        <translation>参数需要 {gb}（{total_params} × {size} 字节），但 {where} 只有 {gb2} 内存：无法在那里构建模型。</translation>
    </message>
    <message>
        <source>Use fewer units or filters, or a smaller input.</source>
        <translation>请减少神经元或卷积核的数量，或使用更小的输入。</translation>
    </message>
    <message>
        <source>The activations of one sample need {gb} ({activation_values} values) but {where} has {gb2} of memory.</source>
        <translation>一个样本的激活值需要 {gb}（{activation_values} 个值），但 {where} 只有 {gb2} 内存。</translation>
    </message>
    <message>
        <source>Use a smaller input, or downsample earlier (pooling or strides).</source>
        <translation>请使用更小的输入，或更早地下采样（池化或步长）。</translation>
    </message>
    <message>
        <source>Training needs at least {gb} (the {gb2} of parameters, their gradients and the optimizer&apos;s state) but {where} has {gb3} of memory.</source>
        <translation>训练至少需要 {gb}（{gb2} 的参数、它们的梯度以及优化器状态），但 {where} 只有 {gb3} 内存。</translation>
    </message>
    <message>
        <source>Use a smaller model, or freeze layers so that fewer parameters are trained.</source>
        <translation>请使用更小的模型，或冻结一些层以减少需要训练的参数。</translation>
    </message>
    <message>
        <source>There is no layer {name_or_id} in {net}.</source>
        <translation>{net} 中没有层 {name_or_id}。</translation>
    </message>
    <message>
        <source>Give a layer name as shown on the canvas or by `neurocanvas summary`.</source>
        <translation>请给出画布上或 `neurocanvas summary` 显示的层名。</translation>
    </message>
    <message>
        <source>{node} has no weights to grow from.</source>
        <translation>{node} 没有可用于扩展的权重。</translation>
    </message>
    <message>
        <source>Train the network, or build it once so it has weights, then grow it.</source>
        <translation>请先训练网络，或构建一次使其拥有权重，然后再扩展它。</translation>
    </message>
    <message>
        <source>{node} is a {type}; only Dense and Conv2D layers can be widened.</source>
        <translation>{node} 是 {type}；只有 Dense 和 Conv2D 层可以加宽。</translation>
    </message>
    <message>
        <source>Widen the Dense or Conv2D layer that feeds it.</source>
        <translation>请加宽为它提供输入的 Dense 或 Conv2D 层。</translation>
    </message>
    <message>
        <source>{node} is a grouped convolution; widening it would change which channels each group sees.</source>
        <translation>{node} 是分组卷积；加宽它会改变每组所看到的通道。</translation>
    </message>
    <message>
        <source>Widen an ungrouped Conv2D.</source>
        <translation>请加宽一个不分组的 Conv2D。</translation>
    </message>
    <message>
        <source>{node} applies {activation}, which mixes its units: copied units would change every output.</source>
        <translation>{node} 使用 {activation}，它会混合各个神经元：复制的神经元会改变每个输出。</translation>
    </message>
    <message>
        <source>Move the activation to its own layer after the next one, or widen another layer.</source>
        <translation>请把激活函数移到下一层之后的单独一层，或加宽其他层。</translation>
    </message>
    <message>
        <source>A factor of {factor} does not widen {node} ({width} {width_param} would become {new_width}).</source>
        <translation>系数 {factor} 不会加宽 {node}（{width} 个 {width_param} 将变为 {new_width}）。</translation>
    </message>
    <message>
        <source>Give a factor above 1, e.g. 1.5 or 2.</source>
        <translation>请给出大于 1 的系数，例如 1.5 或 2。</translation>
    </message>
    <message>
        <source>{node} has no single known output shape to deepen after.</source>
        <translation>{node} 没有唯一且已知的输出形状，无法在其后加深。</translation>
    </message>
    <message>
        <source>Fix the network&apos;s errors first, or deepen after another layer.</source>
        <translation>请先修正网络的错误，或在其他层之后加深。</translation>
    </message>
    <message>
        <source>{node}&apos;s output {shape} has no feature axis to keep.</source>
        <translation>{node} 的输出 {shape} 没有可保持的特征轴。</translation>
    </message>
    <message>
        <source>Deepen after a layer with a (batch, features) or image output.</source>
        <translation>请在输出为 (batch, features) 或图像的层之后加深。</translation>
    </message>
    <message>
        <source>A new layer with {wanted} after {node} ({before}) would not pass its outputs through unchanged: {wanted}(x) differs from x for some outputs of {before}.</source>
        <translation>在 {node}（{before}）之后加一个 {wanted} 的新层不会原样传递其输出：对于 {before} 的某些输出，{wanted}(x) 与 x 不同。</translation>
    </message>
    <message>
        <source>Deepen with activation {alt}, which is exact.</source>
        <translation>请用激活函数 {alt} 加深，它是精确的。</translation>
    </message>
    <message>
        <source>The widen factor must be a number, not {factor}.</source>
        <translation>加宽系数必须是一个数，而不是 {factor}。</translation>
    </message>
    <message>
        <source>Widen a hidden layer before it.</source>
        <translation>请加宽它之前的一个隐藏层。</translation>
    </message>
    <message>
        <source>{current} feeds {count} layers; widening keeps the function only when one chain of layers reads it.</source>
        <translation>{current} 为 {count} 个层提供输入；只有当它仅被一条层链读取时，加宽才能保持函数不变。</translation>
    </message>
    <message>
        <source>Widen a layer whose output goes to a single Dense or Conv2D.</source>
        <translation>请加宽输出只进入单个 Dense 或 Conv2D 的层。</translation>
    </message>
    <message>
        <source>{nxt} ({type}) stands between {node} and the next Dense or Conv2D; widening through it would change what the network computes.</source>
        <translation>{nxt}（{type}）位于 {node} 与下一个 Dense 或 Conv2D 之间；穿过它加宽会改变网络的计算结果。</translation>
    </message>
    <message>
        <source>Widen a layer followed by a Dense or Conv2D, with only BatchNormalization, pooling, dropout or an activation between them.</source>
        <translation>请加宽后接 Dense 或 Conv2D 的层，中间只能有批标准化（BatchNormalization）、池化、舍弃（dropout）或激活函数。</translation>
    </message>
    <message>
        <source>{nxt} applies {activation}, which mixes channels.</source>
        <translation>{nxt} 使用 {activation}，它会混合各个通道。</translation>
    </message>
    <message>
        <source>Widen another layer.</source>
        <translation>请加宽其他层。</translation>
    </message>
    <message>
        <source>{link} (PReLU) learns a slope per position; it stands between {node} and the next weighted layer.</source>
        <translation>{link}（PReLU）在每个位置上学习一个斜率；它位于 {node} 与下一个带权重的层之间。</translation>
    </message>
    <message>
        <source>Widen a layer that is followed directly by a Dense or Conv2D.</source>
        <translation>请加宽直接后接 Dense 或 Conv2D 的层。</translation>
    </message>
    <message>
        <source>{consumer} is a grouped convolution and reads {node}&apos;s filters by group.</source>
        <translation>{consumer} 是分组卷积，按组读取 {node} 的卷积核输出。</translation>
    </message>
    <message>
        <source>Widen a layer followed by an ungrouped Conv2D.</source>
        <translation>请加宽后接不分组 Conv2D 的层。</translation>
    </message>
    <message>
        <source>{current} is an output of the network: its units are what the network predicts, so more of them would change the result.</source>
        <translation>{current} 是网络的输出：它的神经元就是网络的预测，增加它们会改变结果。</translation>
    </message>
    <message>
        <source>{current} is an output of the network: its channels are what the network predicts, so more of them would change the result.</source>
        <translation>{current} 是网络的输出：它的通道就是网络的预测，增加它们会改变结果。</translation>
    </message>
    <message>
        <source>{nxt} normalises axis {axis}, not the channels.</source>
        <translation>{nxt} 标准化的是轴 {axis}，而不是通道。</translation>
    </message>
    <message>
        <source>Widen a layer whose BatchNormalization uses axis -1.</source>
        <translation>请加宽其批标准化（BatchNormalization）使用 axis -1 的层。</translation>
    </message>
    <message>
        <source>There is no node {missing} in this network.</source>
        <translation>网络中没有节点 {missing}。</translation>
    </message>
    <message>
        <source>A layer cannot be connected to itself.</source>
        <translation>一个层不能连接到它自己。</translation>
    </message>
    <message>
        <source>Port numbers must be integers ≥ 0.</source>
        <translation>端口编号必须是 ≥ 0 的整数。</translation>
    </message>
    <message>
        <source>{src} ({type}) has {n_out} output; there is no output port {src_port}.</source>
        <translation>{src}（{type}）只有 {n_out} 个输出；没有输出端口 {src_port}。</translation>
    </message>
    <message>
        <source>{dst} ({type}) takes no input: it is where data enters the model.</source>
        <translation>{dst}（{type}）不接受输入：它是数据进入模型的地方。</translation>
    </message>
    <message>
        <source>{dst} ({type}) has {count} input port(s); there is no port {dst_port}.</source>
        <translation>{dst}（{type}）有 {count} 个输入端口；没有端口 {dst_port}。</translation>
    </message>
    <message>
        <source>Connecting {src} → {dst} would create a cycle.</source>
        <translation>连接 {src} → {dst} 会形成环。</translation>
    </message>
    <message>
        <source>A group path must look like &apos;stage2/block1&apos; (got {group}).</source>
        <translation>分组路径必须形如 &apos;stage2/block1&apos;（实际为 {group}）。</translation>
    </message>
    <message>
        <source>Unknown layer type {type}.</source>
        <translation>未知的层类型 {type}。</translation>
    </message>
    <message>
        <source>Use a Keras layer class name from the palette, e.g. &apos;Dense&apos; or &apos;Conv2D&apos;.</source>
        <translation>请使用组件面板中的 Keras 层类名，例如 &apos;Dense&apos; 或 &apos;Conv2D&apos;。</translation>
    </message>
    <message>
        <source>The name {name} is already the id of another node.</source>
        <translation>名称 {name} 已经是另一个节点的 id。</translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;_&apos;, &apos;-&apos; or &apos;.&apos;, starting with a letter or &apos;_&apos; (no &apos;/&apos;).</source>
        <translation>请使用字母、数字、&apos;_&apos;、&apos;-&apos; 或 &apos;.&apos;，以字母或 &apos;_&apos; 开头（不能含 &apos;/&apos;）。</translation>
    </message>
    <message>
        <source>Layer names must be unique in a model.</source>
        <translation>模型中的层名必须唯一。</translation>
    </message>
    <message>
        <source>A node {id} already exists.</source>
        <translation>节点 {id} 已经存在。</translation>
    </message>
    <message>
        <source>{src} ({type}) has {n_out} outputs; there is no output port {src_port}.</source>
        <translation>{src}（{type}）有 {n_out} 个输出；没有输出端口 {src_port}。</translation>
    </message>
    <message>
        <source>Input port {dst_port} of {dst} is already connected; disconnect it first, or use a merge layer (Add, Concatenate) to combine tensors.</source>
        <translation>{dst} 的输入端口 {dst_port} 已经连接；请先断开它，或使用合并层（Add、Concatenate）来组合张量。</translation>
    </message>
    <message>
        <source>There is no connection {src}:{src_port} → {dst}:{dst_port}.</source>
        <translation>不存在连线 {src}:{src_port} → {dst}:{dst_port}。</translation>
    </message>
    <message>
        <source>{new_name} is not a valid layer name.</source>
        <translation>{new_name} 不是有效的层名。</translation>
    </message>
    <message>
        <source>The name {new_name} is already used in this network.</source>
        <translation>名称 {new_name} 在该网络中已被使用。</translation>
    </message>
    <message>
        <source>The document name must be text.</source>
        <translation>文档名必须是文本。</translation>
    </message>
    <message>
        <source>A position must be two numbers [x, y] (got {pos}).</source>
        <translation>位置必须是两个数 [x, y]（实际为 {pos}）。</translation>
    </message>
    <message>
        <source>There is no node {node_id} in this network.</source>
        <translation>网络中没有节点 {node_id}。</translation>
    </message>
    <message>
        <source>{name} is not a valid layer id.</source>
        <translation>{name} 不是有效的层 id。</translation>
    </message>
    <message>
        <source>{name} is not a valid layer name.</source>
        <translation>{name} 不是有效的层名。</translation>
    </message>
    <message>
        <source>The id {name} is already used in this network.</source>
        <translation>id {name} 在该网络中已被使用。</translation>
    </message>
    <message>
        <source>The name {name} is already used in this network.</source>
        <translation>名称 {name} 在该网络中已被使用。</translation>
    </message>
    <message>
        <source>The document name {name} holds a lone surrogate, which is not text.</source>
        <translation>文档名 {name} 含有孤立的代理字符，不是文本。</translation>
    </message>
    <message>
        <source>Type the name again.</source>
        <translation>请重新输入名称。</translation>
    </message>
    <message>
        <source>carried: {carried}; transformed: {transformed}; reinitialised: {reinitialised}</source>
        <translation>沿用：{carried}；变换：{transformed}；重新初始化：{reinitialised}</translation>
    </message>
    <message>
        <source>carried: {carried}; transformed: {transformed}; reinitialised: {reinitialised}; removed: {removed}</source>
        <translation>沿用：{carried}；变换：{transformed}；重新初始化：{reinitialised}；移除：{removed}</translation>
    </message>
    <message>
        <source>new layer</source>
        <translation>新层</translation>
    </message>
    <message>
        <source>type changed from {before} to {after}</source>
        <translation>类型从 {before} 变为 {after}</translation>
    </message>
    <message>
        <source>weight shapes changed</source>
        <translation>权重形状已改变</translation>
    </message>
    <message>
        <source>--opaque-shape {text}: write NAME=SHAPE, e.g. patches=None,64,48 (None for the batch axis; &apos;;&apos; between outputs).</source>
        <translation>--opaque-shape {text}：请写成 NAME=SHAPE，例如 patches=None,64,48（批轴写 None；多个输出之间用 &apos;;&apos; 分隔）。</translation>
    </message>
    <message>
        <source>Lambda layer(s) {names} kept as opaque node(s) with their code as data, as you asked; training or exporting runs that code only when you trust it again for the document.</source>
        <translation>Lambda 层 {names} 已按你的要求作为不透明节点保留，其代码作为数据保存；只有当你再次对该文档信任这些代码时，训练或导出才会运行它。</translation>
    </message>
    <message>
        <source>{path}: cannot read the .keras archive ({exc}).</source>
        <translation>{path}：无法读取 .keras 归档（{exc}）。</translation>
    </message>
    <message>
        <source>1 custom layer ({classes}) kept as opaque node(s): config, weights and recorded shapes, without their code. Training or exporting needs the module that defines them, trusted.</source>
        <translation>1 个自定义层（{classes}）已作为不透明节点保留：保存了配置、权重和记录的形状，但不含其代码。训练或导出需要定义它们的模块，并且要信任该模块。</translation>
    </message>
    <message>
        <source>{n} custom layers ({classes}) kept as opaque node(s): config, weights and recorded shapes, without their code. Training or exporting needs the module that defines them, trusted.</source>
        <translation>{n} 个自定义层（{classes}）已作为不透明节点保留：保存了配置、权重和记录的形状，但不含其代码。训练或导出需要定义它们的模块，并且要信任该模块。</translation>
    </message>
    <message>
        <source>{path} could not be loaded with its custom layers kept opaque: {first}</source>
        <translation>保留自定义层为不透明节点时无法加载 {path}：{first}</translation>
    </message>
    <message>
        <source>--opaque-shape {text}: {d} is not a positive size or None.</source>
        <translation>--opaque-shape {text}：{d} 不是正的大小，也不是 None。</translation>
    </message>
    <message>
        <source>Layer {name} ({class_name}) is a custom layer whose code is not here, and the file does not record its output shape (no other layer takes its output).</source>
        <translation>层 {name}（{class_name}）是自定义层，其代码不在此处，文件中也没有记录它的输出形状（没有其他层使用它的输出）。</translation>
    </message>
    <message>
        <source>Give it: --opaque-shape {name}=None,... on the command line (None for the batch axis), or opaque_shapes={{&apos;{name}&apos;: [[None, ...]]}} in Python.</source>
        <translation>请给出它的形状：命令行中使用 --opaque-shape {name}=None,...（批轴写 None），或在 Python 中使用 opaque_shapes={{&apos;{name}&apos;: [[None, ...]]}}。</translation>
    </message>
    <message>
        <source>its layer has no weights group</source>
        <translation>它的层没有权重组</translation>
    </message>
    <message>
        <source>its weight shapes changed</source>
        <translation>它的权重形状已改变</translation>
    </message>
    <message>
        <source>no Python variable name can be made from {name}.</source>
        <translation>无法从 {name} 生成 Python 变量名。</translation>
    </message>
    <message>
        <source>{type_name} parameter {pname} is not a Python identifier.</source>
        <translation>{type_name} 的参数 {pname} 不是合法的 Python 标识符。</translation>
    </message>
    <message>
        <source>Reconnect through {via}</source>
        <translation>经由{via}重新连接</translation>
    </message>
    <message>
        <source>Set the shape of {node} to {shape} (the data&apos;s samples)</source>
        <translation>把 {node} 的形状设为 {shape}（数据样本的形状）</translation>
    </message>
    <message>
        <source>Crop the larger inputs of {node} to {target}</source>
        <translation>把 {node} 较大的输入裁剪为 {target}</translation>
    </message>
    <message>
        <source>a {crop_type} to {target}</source>
        <translation>一个裁剪为 {target} 的 {crop_type}</translation>
    </message>
    <message>
        <source>Add a {kind} so the inputs of {node} match</source>
        <translation>添加一个 {kind}，使 {node} 的输入一致</translation>
    </message>
    <message>
        <source>Connect through {via}</source>
        <translation>经由{via}连接</translation>
    </message>
    <message>
        <source>{title} and connect</source>
        <translation>{title}并连接</translation>
    </message>
    <message>
        <source>Mark {names} as the outputs</source>
        <translation>把 {names} 标记为输出</translation>
    </message>
    <message>
        <source>Rename {name} to {new}</source>
        <translation>把 {name} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Delete the unused Input {name}</source>
        <translation>删除未使用的输入层 {name}</translation>
    </message>
    <message>
        <source>a {kind} to {channels} channels</source>
        <translation>一个到 {channels} 个通道的 {kind}</translation>
    </message>
    <message>
        <source>a Dense projection to {channels}</source>
        <translation>一个到 {channels} 的 Dense 投影</translation>
    </message>
    <message>
        <source>Set return_sequences=True on {src}</source>
        <translation>在 {src} 上设置 return_sequences=True</translation>
    </message>
    <message>
        <source>Insert Flatten before {node}</source>
        <translation>在 {node} 之前插入 Flatten</translation>
    </message>
    <message>
        <source>a Flatten</source>
        <translation>一个 Flatten</translation>
    </message>
    <message>
        <source>Insert Reshape to {target} before {node}</source>
        <translation>在 {node} 之前插入 Reshape 为 {target}</translation>
    </message>
    <message>
        <source>a Reshape to {target}</source>
        <translation>一个 Reshape 为 {target}</translation>
    </message>
    <message>
        <source>Connect {name} to {node}</source>
        <translation>把 {name} 连接到 {node}</translation>
    </message>
    <message>
        <source>Set padding=&apos;same&apos; on {node}</source>
        <translation>在 {node} 上设置 padding=&apos;same&apos;（全零填充）</translation>
    </message>
    <message>
        <source>Set {window} to {fitted} on {node} (the largest that fits)</source>
        <translation>在 {node} 上把 {window} 设为 {fitted}（能放下的最大值）</translation>
    </message>
    <message>
        <source>Use the layers nothing consumes as the outputs</source>
        <translation>把没有被任何层使用的层作为输出</translation>
    </message>
    <message>
        <source>Set target_shape to {shape} on {node} (-1 takes the rest)</source>
        <translation>在 {node} 上把 target_shape 设为 {shape}（-1 取其余部分）</translation>
    </message>
    <message>
        <source>Replace {src} (Flatten) with {pool}</source>
        <translation>用 {pool} 替换 {src}（Flatten）</translation>
    </message>
    <message>
        <source>Insert {pool} before {node}</source>
        <translation>在 {node} 之前插入 {pool}</translation>
    </message>
    <message>
        <source>a {pool}</source>
        <translation>一个 {pool}</translation>
    </message>
    <message>
        <source>Insert RepeatVector({steps}) before {node}</source>
        <translation>在 {node} 之前插入 RepeatVector({steps})</translation>
    </message>
    <message>
        <source>a RepeatVector({steps})</source>
        <translation>一个 RepeatVector({steps})</translation>
    </message>
    <message>
        <source>Replace {node} ({type}) with Concatenate</source>
        <translation>用 Concatenate 替换 {node}（{type}）</translation>
    </message>
    <message>
        <source>Reset {name} of {node} to the Keras default</source>
        <translation>把 {node} 的 {name} 恢复为 Keras 默认值</translation>
    </message>
    <message>
        <source>Connect {name} to {node} through {via}</source>
        <translation>经由{via}把 {name} 连接到 {node}</translation>
    </message>
    <message>
        <source>Connect {node} to {target}</source>
        <translation>把 {node} 连接到 {target}</translation>
    </message>
    <message>
        <source>Set {name}={value} on {node}</source>
        <translation>在 {node} 上设置 {name}={value}</translation>
    </message>
    <message>
        <source>Set groups={best} on {node}</source>
        <translation>在 {node} 上设置 groups={best}</translation>
    </message>
    <message>
        <source>Reshape the input to {value} non-batch axes.</source>
        <translation>请把输入改为 {value} 个非批轴的形状。</translation>
    </message>
    <message>
        <source>Insert a Flatten or a GlobalAveragePooling layer before it.</source>
        <translation>请在它之前插入 Flatten 或 GlobalAveragePooling 层。</translation>
    </message>
    <message>
        <source>Add a Reshape to ({shape_1}, 1) to treat each feature as a time step, or a RepeatVector to repeat the vector over time steps.</source>
        <translation>请添加 Reshape 为 ({shape_1}, 1)，把每个特征当作一个时间步；或添加 RepeatVector，把向量在各时间步上重复。</translation>
    </message>
    <message>
        <source>Add a Reshape to (height, width, channels) before it.</source>
        <translation>请在它之前添加 Reshape 为 (height, width, channels)。</translation>
    </message>
    <message>
        <source>For a single-channel image add a channel axis: Reshape to ({shape_1}, {shape_2}, 1).</source>
        <translation>单通道图像请添加通道轴：Reshape 为 ({shape_1}, {shape_2}, 1)。</translation>
    </message>
    <message>
        <source>Use the 2D variant of the layer, or Reshape to (steps, channels).</source>
        <translation>请使用该层的二维版本，或 Reshape 为 (steps, channels)。</translation>
    </message>
    <message>
        <source>For a single image use the 2D variant; the 3D layers are for video or volumes.</source>
        <translation>单张图像请使用二维版本；三维层用于视频或三维体数据。</translation>
    </message>
    <message>
        <source>{layer} expects a {rank}-D input {desc} but receives {shape}.</source>
        <translation>{layer} 需要 {rank} 维的输入 {desc}，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>{layer} expects an input with at least {rank} axes (batch included) but receives {shape}.</source>
        <translation>{layer} 需要至少有 {rank} 个轴（含批轴）的输入，但收到的是 {shape}。</translation>
    </message>
    <message>
        <source>{layer}: {what} does not fit the input {in_shape}; the output would be {out_shape}.</source>
        <translation>{layer}：{what}与输入 {in_shape} 不相容；输出将是 {out_shape}。</translation>
    </message>
    <message>
        <source>{layer}: {what}={axis} does not exist for input {shape} (valid axes: {listed}).</source>
        <translation>{layer}：对于输入 {shape}，{what}={axis} 不存在（有效的轴：{listed}）。</translation>
    </message>
    <message>
        <source>Set {what} to one of {listed}; -1 is the last (channel) axis.</source>
        <translation>请把 {what} 设为 {listed} 之一；-1 表示最后一个（通道）轴。</translation>
    </message>
    <message>
        <source>{layer}: {what}={axis} is the batch axis of input {shape}.</source>
        <translation>{layer}：{what}={axis} 是输入 {shape} 的批轴。</translation>
    </message>
    <message>
        <source>The batch axis cannot be used here; pick one of {listed}.</source>
        <translation>这里不能使用批轴；请从 {listed} 中选择一个。</translation>
    </message>
    <message>
        <source>{layer}: {what}={axes} names the same axis of input {shape} twice.</source>
        <translation>{layer}：{what}={axes} 重复指定了输入 {shape} 的同一个轴。</translation>
    </message>
    <message>
        <source>List each axis once (axis -1 and axis {value} are the same here).</source>
        <translation>每个轴请只列一次（这里轴 -1 与轴 {value} 是同一个轴）。</translation>
    </message>
    <message>
        <source>{layer} cannot be built: {what} {shown} of its input {shape} has unknown size.</source>
        <translation>无法构建 {layer}：其输入 {shape} 的 {what} {shown} 大小未知。</translation>
    </message>
    <message>
        <source>Its weights are sized by this axis, so it must be fixed. Give the Input a fixed size on this axis, or normalize over another axis.</source>
        <translation>它的权重大小由该轴决定，因此该轴必须固定。请为输入层在该轴上指定固定大小，或在其他轴上标准化。</translation>
    </message>
    <message>
        <source>a value of type {kind} cannot be written as Python source.</source>
        <translation>类型为 {kind} 的值无法写成 Python 源代码。</translation>
    </message>
    <message>
        <source>Keyword argument names use letters, digits and &apos;_&apos; and do not start with a digit.</source>
        <translation>关键字参数名由字母、数字和 &apos;_&apos; 组成，且不能以数字开头。</translation>
    </message>
    <message>
        <source>{where}: {key} is not a Python identifier, so it cannot be a keyword argument.</source>
        <translation>{where}：{key} 不是合法的 Python 标识符，因此不能作为关键字参数。</translation>
    </message>
    <message>
        <source>{key} is not a Python identifier, so it cannot be a keyword argument.</source>
        <translation>{key} 不是合法的 Python 标识符，因此不能作为关键字参数。</translation>
    </message>
    <message>
        <source>Unknown callback setting(s): {names}.</source>
        <translation>未知的回调设置：{names}。</translation>
    </message>
    <message>
        <source>EarlyStopping keeps the last weights, not the best ones.</source>
        <translation>EarlyStopping 保留的是最后的权重，而不是最佳权重。</translation>
    </message>
    <message>
        <source>set restore_best_weights on.</source>
        <translation>打开 restore_best_weights。</translation>
    </message>
    <message>
        <source>TensorBoard logging needs the tensorboard package, which is not installed.</source>
        <translation>TensorBoard 日志需要 tensorboard 包，但它没有安装。</translation>
    </message>
    <message>
        <source>Known: {defaults}.</source>
        <translation>已知的有：{defaults}。</translation>
    </message>
    <message>
        <source>{callback} watches {monitor}, but the run has no validation data.</source>
        <translation>{callback} 监视 {monitor}，但本次训练没有验证集。</translation>
    </message>
    <message>
        <source>set monitor to {monitor} (as the course&apos;s letter examples do), or add a validation split.</source>
        <translation>把 monitor 设为 {monitor}（和课程中字母预测的例子一样），或者划分出验证集。</translation>
    </message>
    <message>
        <source>{callback} patience must be a whole number ≥ 0, not {patience!r}.</source>
        <translation>{callback} 的 patience 必须是 ≥ 0 的整数，不能是 {patience!r}。</translation>
    </message>
    <message>
        <source>The divergence guard&apos;s factor must be a number above 1, not {factor!r}.</source>
        <translation>发散保护的 factor 必须是大于 1 的数，不能是 {factor!r}。</translation>
    </message>
    <message>
        <source>20 stops a run whose loss exceeds 20× its best.</source>
        <translation>设为 20 时，损失超过最佳值的 20 倍就停止训练。</translation>
    </message>
    <message>
        <source>The divergence guard&apos;s patience must be a whole number ≥ 0, not {patience!r}.</source>
        <translation>发散保护的 patience 必须是 ≥ 0 的整数，不能是 {patience!r}。</translation>
    </message>
    <message>
        <source>5 stops a run whose loss grew 5 epochs in a row; 0 never stops for growth alone.</source>
        <translation>设为 5 时，损失连续 5 轮上升就停止训练；设为 0 时不会仅因上升而停止。</translation>
    </message>
    <message>
        <source>ReduceLROnPlateau factor must be between 0 and 1, not {factor}.</source>
        <translation>ReduceLROnPlateau 的 factor 必须在 0 和 1 之间，不能是 {factor}。</translation>
    </message>
    <message>
        <source>0.5 halves the rate.</source>
        <translation>0.5 表示把学习率减半。</translation>
    </message>
    <message>
        <source>ReduceLROnPlateau cannot change a learning rate that a schedule sets step by step.</source>
        <translation>学习率由调度逐步设定时，ReduceLROnPlateau 无法改变它。</translation>
    </message>
    <message>
        <source>use a constant learning rate with ReduceLROnPlateau, or turn one of them off.</source>
        <translation>配合 ReduceLROnPlateau 使用固定学习率，或关掉其中之一。</translation>
    </message>
    <message>
        <source>The checkpoint file {path!r} must end in {want}.</source>
        <translation>检查点文件 {path!r} 的扩展名必须是 {want}。</translation>
    </message>
    <message>
        <source>rename it, e.g. best{want}.</source>
        <translation>请重命名，例如 best{want}。</translation>
    </message>
    <message>
        <source>Install it (pip install tensorboard) or turn the TensorBoard log off.</source>
        <translation>请安装它（pip install tensorboard），或关闭 TensorBoard 日志。</translation>
    </message>
    <message>
        <source>0.9 is the usual value (the course&apos;s β).</source>
        <translation>常用值是 0.9（即课程中的 β）。</translation>
    </message>
    <message>
        <source>0.9 is the usual value.</source>
        <translation>常用值是 0.9。</translation>
    </message>
    <message>
        <source>0.999 is the usual value (0.99 for Lion).</source>
        <translation>常用值是 0.999（Lion 用 0.99）。</translation>
    </message>
    <message>
        <source>Try 0.001 for Adam, 0.01 for SGD.</source>
        <translation>Adam 试试 0.001，SGD 试试 0.01。</translation>
    </message>
    <message>
        <source>1e-07 is Keras&apos;s default.</source>
        <translation>1e-07 是 Keras 的默认值。</translation>
    </message>
    <message>
        <source>No loss is set for output &apos;{name}&apos;.</source>
        <translation>输出 &apos;{name}&apos; 没有设置损失函数。</translation>
    </message>
    <message>
        <source>Output &apos;{output}&apos; already applies {act}, but its {loss} loss has from_logits=True, so {act} would be applied twice and the loss would be wrong.</source>
        <translation>输出 &apos;{output}&apos; 已经使用了 {act}，但它的 {loss} 损失函数设置了 from_logits=True，这样 {act} 会被应用两次，损失就算错了。</translation>
    </message>
    <message>
        <source>set from_logits to false, or make the output layer linear.</source>
        <translation>把 from_logits 设为 false，或把输出层改为线性。</translation>
    </message>
    <message>
        <source>Output &apos;{output}&apos; has 1 unit but {loss} is a multi-class loss: a softmax over one unit is always 1, so nothing is learned.</source>
        <translation>输出 &apos;{output}&apos; 只有 1 个单元，但 {loss} 是多分类损失函数：对一个单元做 softmax 结果总是 1，什么也学不到。</translation>
    </message>
    <message>
        <source>use binary_crossentropy with a sigmoid output for two classes, or set the units to the number of classes.</source>
        <translation>二分类请用 binary_crossentropy 配合 sigmoid 输出，或把单元数设为类别数。</translation>
    </message>
    <message>
        <source>The labels for output &apos;{output}&apos; are class ids but categorical_crossentropy expects one-hot rows.</source>
        <translation>输出 &apos;{output}&apos; 的标签是类别编号，但 categorical_crossentropy 需要独热码。</translation>
    </message>
    <message>
        <source>use sparse_categorical_crossentropy, or set labels to onehot in the data settings.</source>
        <translation>改用 sparse_categorical_crossentropy，或在数据设置中把标签设为 onehot。</translation>
    </message>
    <message>
        <source>The labels for output &apos;{output}&apos; are one-hot rows but sparse_categorical_crossentropy expects class ids.</source>
        <translation>输出 &apos;{output}&apos; 的标签是独热码，但 sparse_categorical_crossentropy 需要类别编号。</translation>
    </message>
    <message>
        <source>use categorical_crossentropy, or set labels to sparse in the data settings.</source>
        <translation>改用 categorical_crossentropy，或在数据设置中把标签设为 sparse。</translation>
    </message>
    <message>
        <source>Output &apos;{output}&apos; has {units} units with class-id labels, but {loss} treats each unit as a separate yes/no.</source>
        <translation>输出 &apos;{output}&apos; 有 {units} 个单元且标签是类别编号，但 {loss} 把每个单元当作单独的是/否判断。</translation>
    </message>
    <message>
        <source>use sparse_categorical_crossentropy with a softmax output.</source>
        <translation>改用 sparse_categorical_crossentropy 配合 softmax 输出。</translation>
    </message>
    <message>
        <source>Output &apos;{output}&apos; uses softmax with the {loss} loss; softmax outputs sum to 1, which suits class probabilities, not values.</source>
        <translation>输出 &apos;{output}&apos; 在 {loss} 损失函数下使用 softmax；softmax 的输出之和为 1，适合表示类别概率，而不是数值。</translation>
    </message>
    <message>
        <source>use a linear output for regression, or a cross-entropy loss for classes.</source>
        <translation>回归请用线性输出，分类请用交叉熵损失函数。</translation>
    </message>
    <message>
        <source>Unknown optimizer {name!r}.</source>
        <translation>未知的优化器 {name!r}。</translation>
    </message>
    <message>
        <source>{optimizer} has no hyperparameter {names}.</source>
        <translation>{optimizer} 没有超参数 {names}。</translation>
    </message>
    <message>
        <source>Its hyperparameters: {value}.</source>
        <translation>它的超参数有：{value}。</translation>
    </message>
    <message>
        <source>Only one kind of gradient clipping can be set; {clips} are.</source>
        <translation>只能设置一种梯度裁剪；现在设置了 {clips}。</translation>
    </message>
    <message>
        <source>Keep clipnorm (per variable), global_clipnorm (all together) or clipvalue (per element).</source>
        <translation>只保留 clipnorm（按变量）、global_clipnorm（整体）或 clipvalue（按元素）之一。</translation>
    </message>
    <message>
        <source>Nesterov momentum is on but momentum is 0, so it does nothing.</source>
        <translation>打开了 Nesterov 动量，但 momentum 为 0，所以它不起作用。</translation>
    </message>
    <message>
        <source>Set momentum, e.g. 0.9.</source>
        <translation>请设置 momentum，例如 0.9。</translation>
    </message>
    <message>
        <source>Unknown loss {loss!r} for output &apos;{output}&apos;.</source>
        <translation>输出 &apos;{output}&apos; 的损失函数 {loss!r} 未知。</translation>
    </message>
    <message>
        <source>Use one of: {losses}.</source>
        <translation>请使用其中之一：{losses}。</translation>
    </message>
    <message>
        <source>The {name} loss has no parameter {names}.</source>
        <translation>{name} 损失函数没有参数 {names}。</translation>
    </message>
    <message>
        <source>Its parameters: {allowed}.</source>
        <translation>它的参数有：{allowed}。</translation>
    </message>
    <message>
        <source>The loss weight of output &apos;{output}&apos; must be ≥ 0, not {weight}.</source>
        <translation>输出 &apos;{output}&apos; 的损失权重必须 ≥ 0，不能是 {weight}。</translation>
    </message>
    <message>
        <source>Choose a loss for every output.</source>
        <translation>请为每个输出选择损失函数。</translation>
    </message>
    <message>
        <source>Output &apos;{output}&apos; is {act} (raw scores) but its {loss} loss expects probabilities (from_logits=False).</source>
        <translation>输出 &apos;{output}&apos; 是 {act}（原始分数），但它的 {loss} 损失函数需要概率（from_logits=False）。</translation>
    </message>
    <message>
        <source>set from_logits to true, or give the output layer a {value} activation.</source>
        <translation>把 from_logits 设为 true，或给输出层加上 {value} 激活函数。</translation>
    </message>
    <message>
        <source>The labels for output &apos;{output}&apos; include negative class ids (the lowest is {lowest}); class ids run from 0 to {value}.</source>
        <translation>输出 &apos;{output}&apos; 的标签中有负的类别编号（最小为 {lowest}）；类别编号应为 0 到 {value}。</translation>
    </message>
    <message>
        <source>renumber the labels from 0 in the data (for example y - y.min()).</source>
        <translation>在数据中把标签从 0 开始重新编号（例如 y - y.min()）。</translation>
    </message>
    <message>
        <source>Did you mean {close}?</source>
        <translation>您是指 {close} 吗？</translation>
    </message>
    <message>
        <source>Use one of: {optimizers}.</source>
        <translation>请使用其中之一：{optimizers}。</translation>
    </message>
    <message>
        <source>{optimizer}&apos;s {name} must be a number, not {value!r}.</source>
        <translation>{optimizer} 的 {name} 必须是数字，不能是 {value!r}。</translation>
    </message>
    <message>
        <source>{optimizer}&apos;s {name} must be in {span}, not {value}.</source>
        <translation>{optimizer} 的 {name} 必须在 {span} 内，不能是 {value}。</translation>
    </message>
    <message>
        <source>Unknown metric {metric!r} for output &apos;{output}&apos;.</source>
        <translation>输出 &apos;{output}&apos; 的评测指标 {metric!r} 未知。</translation>
    </message>
    <message>
        <source>Use some of: {metric_names}.</source>
        <translation>请从中选用：{metric_names}。</translation>
    </message>
    <message>
        <source>The labels for output &apos;{output}&apos; go up to {highest} but it has only {units} units.</source>
        <translation>输出 &apos;{output}&apos; 的标签最大到 {highest}，但它只有 {units} 个单元。</translation>
    </message>
    <message>
        <source>set the units to {value} (one per class).</source>
        <translation>把单元数设为 {value}（每类一个）。</translation>
    </message>
    <message>
        <source>{optimizer}&apos;s {name} must be true or false, not {value!r}.</source>
        <translation>{optimizer} 的 {name} 必须是 true 或 false，不能是 {value!r}。</translation>
    </message>
    <message>
        <source>extend the schedule over the new epochs</source>
        <translation>把学习率调度延长到新的轮次</translation>
    </message>
    <message>
        <source>restart the schedule over the new epochs</source>
        <translation>在新的轮次上重新开始学习率调度</translation>
    </message>
    <message>
        <source>keep the final learning rate</source>
        <translation>保持最终学习率</translation>
    </message>
    <message>
        <source>Continuing at the final learning rate of the {schedule} schedule, {ended:.3g}.</source>
        <translation>以 {schedule} 调度的最终学习率 {ended:.3g} 接着训练。</translation>
    </message>
    <message>
        <source>Continuing with the {schedule} schedule restarted over the {more} new epochs (from {first:.3g}; it had ended at {ended:.3g}).</source>
        <translation>在新增的 {more} 轮上重新开始 {schedule} 调度接着训练（从 {first:.3g} 开始；之前结束于 {ended:.3g}）。</translation>
    </message>
    <message>
        <source>Continuing with the {schedule} schedule extended over {done} + {more} epochs (now {first:.3g}; it had ended at {ended:.3g}).</source>
        <translation>把 {schedule} 调度延长到 {done} + {more} 轮接着训练（当前 {first:.3g}；之前结束于 {ended:.3g}）。</translation>
    </message>
    <message>
        <source>Distributed training uses tf.distribute, which needs the TensorFlow backend (KERAS_BACKEND is {backend!r}).</source>
        <translation>分布式训练使用 tf.distribute，需要 TensorFlow 后端（当前 KERAS_BACKEND 为 {backend!r}）。</translation>
    </message>
    <message>
        <source>--strategy multiworker needs the TF_CONFIG environment variable, which describes the workers and which one this is.</source>
        <translation>--strategy multiworker 需要 TF_CONFIG 环境变量，它描述各个工作节点以及本机是哪一个。</translation>
    </message>
    <message>
        <source>TF_CONFIG has no cluster.worker list of host:port addresses.</source>
        <translation>TF_CONFIG 中没有由 host:port 地址组成的 cluster.worker 列表。</translation>
    </message>
    <message>
        <source>TF_CONFIG has no task {&quot;type&quot;: &quot;worker&quot;, &quot;index&quot;: N}.</source>
        <translation>TF_CONFIG 中没有 task {&quot;type&quot;: &quot;worker&quot;, &quot;index&quot;: N}。</translation>
    </message>
    <message>
        <source>TF_CONFIG&apos;s task index {index} is not one of the {count} workers (0 to {value}).</source>
        <translation>TF_CONFIG 的任务编号 {index} 不属于这 {count} 个工作节点（0 到 {value}）。</translation>
    </message>
    <message>
        <source>Unknown strategy {name!r}.</source>
        <translation>未知的分布策略 {name!r}。</translation>
    </message>
    <message>
        <source>Set KERAS_BACKEND=tensorflow, or train without --strategy.</source>
        <translation>请设置 KERAS_BACKEND=tensorflow，或不用 --strategy 训练。</translation>
    </message>
    <message>
        <source>The CPU can only be split into logical devices before TensorFlow starts working.</source>
        <translation>只有在 TensorFlow 开始工作之前才能把 CPU 划分为逻辑设备。</translation>
    </message>
    <message>
        <source>Set it on every worker, {example}.</source>
        <translation>请在每个工作节点上设置它，{example}。</translation>
    </message>
    <message>
        <source>TF_CONFIG is not valid JSON ({error}).</source>
        <translation>TF_CONFIG 不是有效的 JSON（{error}）。</translation>
    </message>
    <message>
        <source>Give every worker its own index.</source>
        <translation>请给每个工作节点一个不同的编号。</translation>
    </message>
    <message>
        <source>Use one of: {strategies}.</source>
        <translation>请使用其中之一：{strategies}。</translation>
    </message>
    <message>
        <source>Configure the devices first.</source>
        <translation>请先配置设备。</translation>
    </message>
    <message>
        <source>Could not start the multi-worker strategy: {error}</source>
        <translation>无法启动多机分布策略：{error}</translation>
    </message>
    <message>
        <source>Create it before anything else uses TensorFlow, and check TF_CONFIG.</source>
        <translation>请在其他代码使用 TensorFlow 之前创建它，并检查 TF_CONFIG。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>the weights of epoch {epoch} (the best {monitor}, {best:.4g}) were restored</source>
        <translation>已恢复第 {epoch} 轮的权重（最佳 {monitor}，{best:.4g}）</translation>
    </message>
    <message>
        <source>no epoch had finished, so the weights are those at the stop</source>
        <translation>还没有完成任何一轮，所以权重是停止时的权重</translation>
    </message>
    <message>
        <source>Training diverged in epoch {stopped_epoch}: {why} The learning rate was {lr}. Training stopped and {kept}.</source>
        <translation>训练在第 {stopped_epoch} 轮发散：{why} 当时学习率为 {lr}。训练已停止，{kept}。</translation>
    </message>
    <message>
        <source>Lower the learning rate (or its schedule&apos;s peak), add gradient clipping (clipnorm), or check the data for very large values.</source>
        <translation>请降低学习率（或其调度的峰值）、加入梯度裁剪（clipnorm），或检查数据中是否有很大的值。</translation>
    </message>
    <message>
        <source>the {monitor} became {value} at batch {batch}.</source>
        <translation>{monitor} 在第 {batch} 批变成了 {value}。</translation>
    </message>
    <message>
        <source>the {monitor} became {value}.</source>
        <translation>{monitor} 变成了 {value}。</translation>
    </message>
    <message>
        <source>the {monitor} ({value:.4g}) exceeded {factor:g}× its best ({best:.4g}, epoch {epoch}).</source>
        <translation>{monitor}（{value:.4g}）超过了最佳值（{best:.4g}，第 {epoch} 轮）的 {factor:g} 倍。</translation>
    </message>
    <message>
        <source>the {monitor} grew for {epochs} epochs in a row (to {value:.4g}).</source>
        <translation>{monitor} 连续 {epochs} 轮上升（到 {value:.4g}）。</translation>
    </message>
    <message>
        <source>the {monitor} ({value:.4g}) exceeded {factor:g}× its best ({best:.4g}, epoch {epoch}) at batch {batch}.</source>
        <translation>{monitor}（{value:.4g}）在第 {batch} 批超过了最佳值（{best:.4g}，第 {epoch} 轮）的 {factor:g} 倍。</translation>
    </message>
    <message>
        <source>{problem} ({count} more problem(s))</source>
        <translation>{problem}（另有 {count} 个问题）</translation>
    </message>
    <message>
        <source>Insights must be InsightSettings, a dict or None, not {name}.</source>
        <translation>可视化设置必须是 InsightSettings、dict 或 None，不能是 {name}。</translation>
    </message>
    <message>
        <source>Activation maximisation needs a model with one input.</source>
        <translation>激活最大化需要只有一个输入的模型。</translation>
    </message>
    <message>
        <source>Layer {layer_name} has {channels} channels; channel {channel} does not exist.</source>
        <translation>层 {layer_name} 有 {channels} 个通道；通道 {channel} 不存在。</translation>
    </message>
    <message>
        <source>Activation maximisation needs a model with a fixed input shape.</source>
        <translation>激活最大化需要输入形状固定的模型。</translation>
    </message>
    <message>
        <source>Activation maximisation needs gradients, which NeuroCanvas computes with the TensorFlow backend; this session uses {backend}.</source>
        <translation>激活最大化需要梯度，NeuroCanvas 用 TensorFlow 后端计算梯度；当前使用的是 {backend}。</translation>
    </message>
    <message>
        <source>There is no model yet to capture feature maps from.</source>
        <translation>还没有可以提取特征图的模型。</translation>
    </message>
    <message>
        <source>Unknown insight setting(s): {unknown}.</source>
        <translation>未知的可视化设置：{unknown}。</translation>
    </message>
    <message>
        <source>Pick a channel from 0 to {value}.</source>
        <translation>请选择 0 到 {value} 之间的通道。</translation>
    </message>
    <message>
        <source>Set KERAS_BACKEND=tensorflow.</source>
        <translation>请设置 KERAS_BACKEND=tensorflow。</translation>
    </message>
    <message>
        <source>The model has no layer called {name!r}.</source>
        <translation>模型中没有名为 {name!r} 的层。</translation>
    </message>
    <message>
        <source>Start training first.</source>
        <translation>请先开始训练。</translation>
    </message>
    <message>
        <source>Known settings: {known}.</source>
        <translation>已知的设置：{known}。</translation>
    </message>
    <message>
        <source>Use a layer (node) name from the canvas.</source>
        <translation>请使用画布上的层（节点）名称。</translation>
    </message>
    <message>
        <source>Insight setting {name} must be a whole number of at least 1, not {value!r}.</source>
        <translation>可视化设置 {name} 必须是至少为 1 的整数，不能是 {value!r}。</translation>
    </message>
    <message>
        <source>The LR finder needs 0 &lt; min_lr &lt; max_lr, not min_lr={min_lr:g}, max_lr={max_lr:g}.</source>
        <translation>学习率查找需要 0 &lt; min_lr &lt; max_lr，而现在 min_lr={min_lr:g}，max_lr={max_lr:g}。</translation>
    </message>
    <message>
        <source>The LR finder needs training targets.</source>
        <translation>学习率查找需要训练目标值。</translation>
    </message>
    <message>
        <source>The model must be compiled before the LR finder can run.</source>
        <translation>模型必须先编译，学习率查找才能运行。</translation>
    </message>
    <message>
        <source>Try min_lr=1e-7 and max_lr=10.</source>
        <translation>试试 min_lr=1e-7 和 max_lr=10。</translation>
    </message>
    <message>
        <source>Compile it with an optimizer and a loss.</source>
        <translation>请用优化器和损失函数编译它。</translation>
    </message>
    <message>
        <source>The run {id} has no checkpoint to continue from.</source>
        <translation>训练 {id} 没有可用于断点续训的检查点。</translation>
    </message>
    <message>
        <source>It ended before its first epoch finished; start a new run.</source>
        <translation>它在第一轮结束前就停止了；请新建一次训练。</translation>
    </message>
    <message>
        <source>The run {name} is in use by another process.</source>
        <translation>训练 {name} 正被另一个进程使用。</translation>
    </message>
    <message>
        <source>Only one program can record or continue a run at a time; wait for it to end or stop it first.</source>
        <translation>同一时间只能有一个程序记录或继续一次训练；请等它结束或先停止它。</translation>
    </message>
    <message>
        <source>The run {name} is in use by process {pid} (this program).</source>
        <translation>训练 {name} 正被进程 {pid}（本程序）使用。</translation>
    </message>
    <message>
        <source>The run {name} is in use by process {pid}.</source>
        <translation>训练 {name} 正被进程 {pid} 使用。</translation>
    </message>
    <message>
        <source>Cannot lock the run folder {run_dir}: {strerror}.</source>
        <translation>无法锁定训练文件夹 {run_dir}：{strerror}。</translation>
    </message>
    <message>
        <source>Check that the folder exists and is writable.</source>
        <translation>请检查该文件夹存在且可写。</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Check that the folder is writable; the last complete checkpoint is kept.</source>
        <translation>请检查文件夹是否可写；最后一个完整的检查点已保留。</translation>
    </message>
    <message>
        <source>no space left on device at {path}</source>
        <translation>{path} 所在设备空间不足</translation>
    </message>
    <message>
        <source>disk quota exceeded at {path}</source>
        <translation>{path} 超出磁盘配额</translation>
    </message>
    <message>
        <source>Free some space; the last complete checkpoint is kept, continue the run from it.</source>
        <translation>请释放一些空间；最后一个完整的检查点已保留，可以从它断点续训。</translation>
    </message>
    <message>
        <source>{path} already holds a run.</source>
        <translation>{path} 中已经有一次训练。</translation>
    </message>
    <message>
        <source>Choose an empty folder, or continue that run.</source>
        <translation>请选择一个空文件夹，或继续那次训练。</translation>
    </message>
    <message>
        <source>Cannot create the run folder {path}: {strerror}.</source>
        <translation>无法创建训练文件夹 {path}：{strerror}。</translation>
    </message>
    <message>
        <source>Choose another folder.</source>
        <translation>请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot record the run: {reason}.</source>
        <translation>无法记录训练：{reason}。</translation>
    </message>
    <message>
        <source>Free some space or choose another folder, then start again.</source>
        <translation>请释放一些空间或选择其他文件夹，然后重新开始。</translation>
    </message>
    <message>
        <source>{file} is not a NeuroCanvas run record.</source>
        <translation>{file} 不是 NeuroCanvas 的训练记录。</translation>
    </message>
    <message>
        <source>{problem} ({count} more)</source>
        <translation>{problem}（另有 {count} 个）</translation>
    </message>
    <message>
        <source>The run {id} has no {which} model ({name}).</source>
        <translation>训练 {id} 没有 {which} 模型（{name}）。</translation>
    </message>
    <message>
        <source>It ended before its first epoch was saved.</source>
        <translation>它在第一轮保存之前就结束了。</translation>
    </message>
    <message>
        <source>{path} is not a training run (it has no {run_file}).</source>
        <translation>{path} 不是训练记录（其中没有 {run_file}）。</translation>
    </message>
    <message>
        <source>Runs live in the DOC.runs folder beside a document.</source>
        <translation>训练记录保存在文档旁边的 DOC.runs 文件夹中。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}.</source>
        <translation>无法读取 {file}：{error}。</translation>
    </message>
    <message>
        <source>The run record is damaged.</source>
        <translation>训练记录已损坏。</translation>
    </message>
    <message>
        <source>Cannot copy the run {name} to {parent}: {strerror}.</source>
        <translation>无法把训练 {name} 复制到 {parent}：{strerror}。</translation>
    </message>
    <message>
        <source>It stays in {parent}.</source>
        <translation>它仍留在 {parent}。</translation>
    </message>
    <message>
        <source>Cannot move the run {name} to {parent}: {strerror}.</source>
        <translation>无法把训练 {name} 移动到 {parent}：{strerror}。</translation>
    </message>
    <message>
        <source>Cannot create the runs folder {target}: {strerror}.</source>
        <translation>无法创建训练记录文件夹 {target}：{strerror}。</translation>
    </message>
    <message>
        <source>The runs stay in {source}.</source>
        <translation>训练记录仍留在 {source}。</translation>
    </message>
    <message>
        <source>Unknown learning-rate schedule {kind!r}.</source>
        <translation>未知的学习率调度 {kind!r}。</translation>
    </message>
    <message>
        <source>Use one of: {schedules}.</source>
        <translation>请使用其中之一：{schedules}。</translation>
    </message>
    <message>
        <source>Schedule steps must be counted per &apos;step&apos; or &apos;epoch&apos;, not {per!r}.</source>
        <translation>调度的步数必须按 &apos;step&apos;（步）或 &apos;epoch&apos;（轮）计，不能是 {per!r}。</translation>
    </message>
    <message>
        <source>The {kind} schedule has no parameter {names}.</source>
        <translation>{kind} 调度没有参数 {names}。</translation>
    </message>
    <message>
        <source>Its parameters: {known}.</source>
        <translation>它的参数有：{known}。</translation>
    </message>
    <message>
        <source>{name} of the {kind} schedule must be &gt; {low}, not {value}.</source>
        <translation>{kind} 调度的 {name} 必须 &gt; {low}，不能是 {value}。</translation>
    </message>
    <message>
        <source>{name} of the {kind} schedule must be ≥ {low}, not {value}.</source>
        <translation>{kind} 调度的 {name} 必须 ≥ {low}，不能是 {value}。</translation>
    </message>
    <message>
        <source>The {kind} schedule counts epochs, so it needs the number of steps per epoch.</source>
        <translation>{kind} 调度按轮计数，因此需要知道每轮的步数。</translation>
    </message>
    <message>
        <source>The {kind} schedule&apos;s {name} defaults to the length of the run, which is not known here.</source>
        <translation>{kind} 调度的 {name} 默认等于训练总长，但这里还不知道训练总长。</translation>
    </message>
    <message>
        <source>The {kind} schedule&apos;s {name} works out to {p} steps.</source>
        <translation>{kind} 调度的 {name} 算出来是 {p} 步。</translation>
    </message>
    <message>
        <source>{name} of the {kind} schedule must be a number, not {value!r}.</source>
        <translation>{kind} 调度的 {name} 必须是数字，不能是 {value!r}。</translation>
    </message>
    <message>
        <source>{name} of the {kind} schedule must be a whole number, not {value}.</source>
        <translation>{kind} 调度的 {name} 必须是整数，不能是 {value}。</translation>
    </message>
    <message>
        <source>{name} of the {kind} schedule must be ≤ {high}, not {value}.</source>
        <translation>{kind} 调度的 {name} 必须 ≤ {high}，不能是 {value}。</translation>
    </message>
    <message>
        <source>Set {name}, or give steps per epoch and epochs.</source>
        <translation>请设置 {name}，或给出每轮步数和轮数。</translation>
    </message>
    <message>
        <source>Make the run longer or the warm-up shorter.</source>
        <translation>请延长训练或缩短预热。</translation>
    </message>
    <message>
        <source>The {kind} schedule needs {name}.</source>
        <translation>{kind} 调度需要 {name}。</translation>
    </message>
    <message>
        <source>Piecewise-constant boundaries and values must be lists.</source>
        <translation>分段常数调度的 boundaries 和 values 必须是列表。</translation>
    </message>
    <message>
        <source>Piecewise-constant needs one more value than boundaries: {count} boundaries, {count2} values.</source>
        <translation>分段常数调度的 values 要比 boundaries 多一个：现在有 {count} 个分界点、{count2} 个值。</translation>
    </message>
    <message>
        <source>Each boundary starts a new value.</source>
        <translation>每个分界点开始一个新的值。</translation>
    </message>
    <message>
        <source>Piecewise-constant boundaries must increase: {b}.</source>
        <translation>分段常数调度的分界点必须递增：{b}。</translation>
    </message>
    <message>
        <source>A cosine schedule starting at 0 without warm-up never trains.</source>
        <translation>从 0 开始且没有预热的余弦调度永远不会训练。</translation>
    </message>
    <message>
        <source>Set initial_learning_rate &gt; 0 or a warmup_target.</source>
        <translation>请设置 initial_learning_rate &gt; 0 或设置 warmup_target。</translation>
    </message>
    <message>
        <source>Cosine warm-up steps are set but warmup_target is not.</source>
        <translation>设置了余弦调度的预热步数，但没有设置 warmup_target。</translation>
    </message>
    <message>
        <source>Set warmup_target to the peak rate reached after warm-up.</source>
        <translation>请把 warmup_target 设为预热结束时达到的峰值学习率。</translation>
    </message>
    <message>
        <source>Piecewise-constant values must be positive rates: {value}.</source>
        <translation>分段常数调度的值必须是正的学习率：{value}。</translation>
    </message>
    <message>
        <source>{where} holds a {name}, which is not plain data.</source>
        <translation>{where} 中是 {name}，不是普通数据。</translation>
    </message>
    <message>
        <source>{where} {name!r} is not a valid Python name.</source>
        <translation>{where} {name!r} 不是有效的 Python 名称。</translation>
    </message>
    <message>
        <source>The {dataset} data cannot be loaded by a script without NeuroCanvas.</source>
        <translation>脱离 NeuroCanvas 的脚本无法加载 {dataset} 数据。</translation>
    </message>
    <message>
        <source>The training script does not reproduce data augmentation yet.</source>
        <translation>训练脚本暂时还不能复现数据增强。</translation>
    </message>
    <message>
        <source>The network&apos;s Keras code has an unexpected form.</source>
        <translation>网络的 Keras 代码形式出乎意料。</translation>
    </message>
    <message>
        <source>{where} holds {value!r}, which a script cannot write.</source>
        <translation>{where} 中是 {value!r}，脚本无法写出它。</translation>
    </message>
    <message>
        <source>Choose one of {supported} in the data panel to export a training script; the model alone exports with Export › Python.</source>
        <translation>要导出训练脚本，请在数据面板中选择 {supported} 之一；只导出模型请用 导出 › Python。</translation>
    </message>
    <message>
        <source>Turn augmentation off in the data panel to export the script.</source>
        <translation>请在数据面板中关闭数据增强再导出脚本。</translation>
    </message>
    <message>
        <source>Export the model with Export › Python and report this.</source>
        <translation>请用 导出 › Python 导出模型，并报告这个问题。</translation>
    </message>
    <message>
        <source>Use a finite number.</source>
        <translation>请使用有限的数。</translation>
    </message>
    <message>
        <source>{where} has a key {key!r} that is not text.</source>
        <translation>{where} 中有一个不是文本的键 {key!r}。</translation>
    </message>
    <message>
        <source>Unknown training override(s): {unknown}.</source>
        <translation>未知的训练覆盖项：{unknown}。</translation>
    </message>
    <message>
        <source>Known: {override_keys}.</source>
        <translation>已知的有：{override_keys}。</translation>
    </message>
    <message>
        <source>The document&apos;s data section must be an object.</source>
        <translation>文档的 data 部分必须是一个对象。</translation>
    </message>
    <message>
        <source>The document&apos;s training section must be an object.</source>
        <translation>文档的 training 部分必须是一个对象。</translation>
    </message>
    <message>
        <source>The network {name!r} has no data settings, so there is nothing to train on.</source>
        <translation>网络 {name!r} 没有数据设置，没有可以训练的数据。</translation>
    </message>
    <message>
        <source>Choose a dataset (in the data panel, or --dataset NAME on the command line).</source>
        <translation>请选择一个数据集（在数据面板中，或在命令行用 --dataset NAME）。</translation>
    </message>
    <message>
        <source>The batch size must be at least 1, not {batch_size}.</source>
        <translation>批大小至少为 1，不能是 {batch_size}。</translation>
    </message>
    <message>
        <source>Check the data settings and the model; the details are in the log.</source>
        <translation>请检查数据设置和模型；详细信息在日志中。</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>训练失败：{error}</translation>
    </message>
    <message>
        <source>Training ran out of memory.</source>
        <translation>训练时内存不足。</translation>
    </message>
    <message>
        <source>Use a smaller batch size (now {batch_size}) or a smaller model.</source>
        <translation>请使用更小的批大小（当前为 {batch_size}）或更小的模型。</translation>
    </message>
    <message>
        <source>the weights of epoch {epoch} (the best loss) were restored</source>
        <translation>已恢复第 {epoch} 轮（损失最小）的权重</translation>
    </message>
    <message>
        <source>The loss became NaN or infinite at epoch {epoch}, batch {batch} (step {step}); training stopped and {kept}.</source>
        <translation>损失在第 {epoch} 轮第 {batch} 批（第 {step} 步）变成了 NaN 或无穷大；训练已停止，{kept}。</translation>
    </message>
    <message>
        <source>Lower the learning rate (it was {lr:.3g}), add gradient clipping (clipnorm), or check the data for NaN or very large values.</source>
        <translation>请降低学习率（当时为 {lr:.3g}）、加入梯度裁剪（clipnorm），或检查数据中是否有 NaN 或很大的值。</translation>
    </message>
    <message>
        <source>The LR finder cannot run while training is in progress.</source>
        <translation>训练进行时不能运行学习率查找。</translation>
    </message>
    <message>
        <source>the weights from the end of epoch {epoch} were restored</source>
        <translation>已恢复第 {epoch} 轮结束时的权重</translation>
    </message>
    <message>
        <source>the initial weights were restored</source>
        <translation>已恢复初始权重</translation>
    </message>
    <message>
        <source>Stop or wait for the run first.</source>
        <translation>请先停止训练或等它结束。</translation>
    </message>
    <message>
        <source>Stopped by the user; the weights of the last finished batch are kept.</source>
        <translation>已由用户停止；保留最后完成的一批之后的权重。</translation>
    </message>
    <message>
        <source>Stopped early by a callback after epoch {epochs_done}.</source>
        <translation>第 {epochs_done} 轮后被回调提前停止。</translation>
    </message>
    <message>
        <source>{path}: a module to trust is a Python file ending in .py.</source>
        <translation>{path}：要信任的模块必须是以 .py 结尾的 Python 文件。</translation>
    </message>
    <message>
        <source>{resolved} changed since it was trusted, so it is not run.</source>
        <translation>{resolved} 在被信任后已经改变，因此不会运行它。</translation>
    </message>
    <message>
        <source>Look at the change, then trust the module again.</source>
        <translation>请查看所做的更改，然后再次信任该模块。</translation>
    </message>
    <message>
        <source>Layer {untrusted_0} is a Lambda layer: building it runs the Python code stored in the document, which you have not trusted for this document.</source>
        <translation>层 {untrusted_0} 是 Lambda 层：构建它会运行文档中保存的 Python 代码，而你尚未对该文档信任这些代码。</translation>
    </message>
    <message>
        <source>Layer {node} is a custom {cls} (module {module}) kept without its code, and {more} more custom classes too: training, running or exporting the model needs the class.</source>
        <translation>层 {node} 是自定义的 {cls}（模块 {module}），保存时不含其代码，另外还有 {more} 个自定义类也是如此：训练、运行或导出模型都需要这些类。</translation>
    </message>
    <message>
        <source>{path}: cannot read the module ({value}).</source>
        <translation>{path}：无法读取该模块（{value}）。</translation>
    </message>
    <message>
        <source>{resolved} is not valid Python: {exc}</source>
        <translation>{resolved} 不是有效的 Python：{exc}</translation>
    </message>
    <message>
        <source>{resolved} failed while loading: {kind}: {exc}</source>
        <translation>{resolved} 加载时出错：{kind}：{exc}</translation>
    </message>
    <message>
        <source>Fix the module, or point at the one that defines the layers.</source>
        <translation>请修正该模块，或指向定义这些层的模块。</translation>
    </message>
    <message>
        <source>Layer {node} is a custom {cls} (module {module}) kept without its code, and 1 more custom class too: training, running or exporting the model needs the class.</source>
        <translation>层 {node} 是自定义的 {cls}（模块 {module}），保存时不含其代码，另外还有 1 个自定义类也是如此：训练、运行或导出模型都需要这些类。</translation>
    </message>
    <message>
        <source>Layer {node} is a custom {cls} (module {module}) kept without its code: training, running or exporting the model needs the class.</source>
        <translation>层 {node} 是自定义的 {cls}（模块 {module}），保存时不含其代码：训练、运行或导出模型都需要这个类。</translation>
    </message>
    <message>
        <source>{path}: the &apos;weights&apos; section must name a file.</source>
        <translation>{path}：&apos;weights&apos; 部分必须指定一个文件。</translation>
    </message>
    <message>
        <source>{path}: the weights file must lie beside the document (got {name}).</source>
        <translation>{path}：权重文件必须与文档位于同一目录（实际为 {name}）。</translation>
    </message>
    <message>
        <source>{path}: the weights file of this document is missing.</source>
        <translation>{path}：该文档的权重文件不存在。</translation>
    </message>
    <message>
        <source>Move it back beside the document, or remove the document&apos;s &apos;weights&apos; section to start from fresh weights.</source>
        <translation>请把它移回文档所在目录，或删除文档的 &apos;weights&apos; 部分，从新的权重开始。</translation>
    </message>
    <message>
        <source>{path} is not a NeuroCanvas weights file, or it is damaged ({kind}: {exc}).</source>
        <translation>{path} 不是 NeuroCanvas 权重文件，或者已损坏（{kind}：{exc}）。</translation>
    </message>
    <message>
        <source>Remove the document&apos;s &apos;weights&apos; section to start from fresh weights, or restore the file from a backup.</source>
        <translation>请删除文档的 &apos;weights&apos; 部分以从新的权重开始，或从备份恢复该文件。</translation>
    </message>
    <message>
        <source>its parameters changed</source>
        <translation>它的参数已改变</translation>
    </message>
    <message>
        <source>TensorFlow 2 course notes</source>
        <translation>TensorFlow 2 课程笔记</translation>
    </message>
    <message>
        <source>Hands-On Machine Learning notes</source>
        <translation>《机器学习实战》笔记</translation>
    </message>
    <message>
        <source>Sixty days of a price series predict the next day. The notes use a real share price; here a generated series of the same length is cut the same way (2066 training windows, 240 for validation). Watch the validation loss: it falls within a few epochs and then flattens.</source>
        <translation>用 60 天的价格序列预测下一天。笔记用的是真实股价；这里用同样长度的生成序列，按同样方式切分（训练集 2066 个窗口，验证集 240 个）。注意验证集损失：几轮之内就降下来，然后趋于平缓。</translation>
    </message>
    <message>
        <source>The same predictor with GRU cells: two gates instead of the LSTM&apos;s three, about a quarter fewer weights. Watch whether the validation loss ends as low as the LSTM&apos;s, and how long each epoch takes.</source>
        <translation>同样的预测网络换成 GRU：两个门而不是 LSTM 的三个，权重少约四分之一。注意验证集损失最终能否和 LSTM 一样低，以及每轮用时多少。</translation>
    </message>
    <message>
        <source>The same predictor with plain recurrent cells, the baseline LSTM and GRU improve on for long sequences. It has the fewest weights and the quickest epochs; compare its final validation loss with theirs on this smooth generated series.</source>
        <translation>同样的预测网络换成普通循环核，这是 LSTM 和 GRU 在长序列上要改进的基线。它的权重最少，每轮也最快；在这条平滑的生成序列上，把它最终的验证集损失与它们的比较一下。</translation>
    </message>
    <message>
        <source>Iris flowers with one Dense layer</source>
        <translation>用一层全连接层分类鸢尾花</translation>
    </message>
    <message>
        <source>Lecture 3: the six-step workflow (Sequential)</source>
        <translation>第三讲：搭建网络八股（Sequential）</translation>
    </message>
    <message>
        <source>Four measurements go straight into a softmax over three species: 15 weights in all. Watch the loss fall quickly and then flatten; the L2 penalty keeps it from reaching zero. The 30 validation flowers are the same 30 as in the notes, so the accuracy can be compared with theirs.</source>
        <translation>四个特征直接送入三个品种的 softmax，共 15 个参数。注意损失函数先快速下降再趋于平缓；L2 正则化使它不会降到零。验证集的 30 朵花与笔记中的 30 朵相同，因此准确率可以与笔记对照。</translation>
    </message>
    <message>
        <source>LeNet-5 on hand-written digits</source>
        <translation>LeNet-5 识别手写数字</translation>
    </message>
    <message>
        <source>Lecture 5: classic CNNs, LeNet5</source>
        <translation>第五讲：经典卷积网络 LeNet5</translation>
    </message>
    <message>
        <source>Two convolution and pooling stages shrink the 32×32 image to 5×5×16 feature maps before three Dense layers decide. With sigmoid activations the first epochs barely move: watch the accuracy stall near chance, then climb steeply. The notes train it on CIFAR-10; here the offline digits stand in.</source>
        <translation>两组卷积层和池化把 32×32 的图片缩成 5×5×16 的特征图，再由三层全连接层判断。激活函数为 sigmoid 时，最初几轮几乎没有进展：注意准确率先停在随机猜测附近，然后陡然上升。笔记在 CIFAR-10 上训练它；这里用离线的手写数字代替。</translation>
    </message>
    <message>
        <source>Next letter with a SimpleRNN (one-hot)</source>
        <translation>用 SimpleRNN 预测下一个字母（独热码）</translation>
    </message>
    <message>
        <source>Lecture 6: recurrent computation, four letters in</source>
        <translation>第六讲：循环计算过程，输入四个字母</translation>
    </message>
    <message>
        <source>Each letter of &apos;abcde&apos; is a one-hot vector; a 3-unit recurrent core reads four of them and predicts the fifth. There are only five samples, so there is no validation set: watch the training accuracy reach 1.0 while the loss keeps falling.</source>
        <translation>&apos;abcde&apos; 中的每个字母是一个独热码向量；3 个单元的循环核读入四个字母，预测第五个。只有五个样本，因此没有验证集：注意训练准确率达到 1.0，而损失仍在下降。</translation>
    </message>
    <message>
        <source>Next letter with an Embedding</source>
        <translation>用 Embedding 预测下一个字母</translation>
    </message>
    <message>
        <source>Lecture 6: Embedding encoding, four letters in</source>
        <translation>第六讲：Embedding 编码，输入四个字母</translation>
    </message>
    <message>
        <source>Instead of 26-wide one-hot vectors, every letter id looks up a learned 2-number vector in the Embedding layer, so the input is far smaller. Watch how many epochs it takes to get all 22 samples right, and compare the loss with the one-hot version.</source>
        <translation>每个字母不再用 26 维的独热码，而是在 Embedding 层中查出一个学到的 2 维向量，输入因此小得多。注意要训练多少轮才能把 22 个样本全部预测对，并与独热码版本比较损失。</translation>
    </message>
    <message>
        <source>The book&apos;s classification MLP</source>
        <translation>书中的分类多层感知机</translation>
    </message>
    <message>
        <source>Chapter 10: an image classifier with the Sequential API</source>
        <translation>第 10 章：用 Sequential API 搭建图像分类器</translation>
    </message>
    <message>
        <source>Flatten, two ReLU layers of 300 and 100, softmax over ten classes, trained with plain SGD. The book trains it on Fashion-MNIST, which needs a download; the offline digits, resized to 28×28, stand in. Watch the training accuracy pull ahead of the validation accuracy in the later epochs: the first sign of overfitting.</source>
        <translation>Flatten，两层 ReLU 全连接层（300 和 100），再对十个类别做 softmax，用普通 SGD 训练。书中在需要下载的 Fashion-MNIST 上训练；这里用缩放到 28×28 的离线手写数字代替。注意在后面几轮中训练集准确率逐渐超过验证集准确率：这是过拟合的最初迹象。</translation>
    </message>
    <message>
        <source>Optimizers compared</source>
        <translation>优化器对比</translation>
    </message>
    <message>
        <source>Lecture 2: neural network optimizers</source>
        <translation>第二讲：神经网络参数优化器</translation>
    </message>
    <message>
        <source>The iris network is trained five times from the same start, once per optimizer, with learning rate 0.1 as in the notes. Watch the loss curves: momentum, Adagrad and Adam end lower than plain SGD, while RMSprop falls fastest at first and then lags; Adam&apos;s accuracy jumps around before it settles. The notes&apos; momentum averages the past gradients while Keras adds them up, so SGD with momentum uses 0.01 here, which takes the same steps.</source>
        <translation>鸢尾花网络从同一起点训练五次，每次换一个优化器，学习率与笔记一样为 0.1。注意损失曲线：带动量的 SGD、Adagrad 和 Adam 最终都比普通 SGD 低，RMSprop 起初下降最快，随后落后；Adam 的准确率先来回跳动，然后才稳定。笔记中的动量是对过去梯度取平均，而 Keras 是把它们累加，因此这里带动量的 SGD 用 0.01，走的步子相同。</translation>
    </message>
    <message>
        <source>Learning-rate schedules compared</source>
        <translation>学习率衰减方式对比</translation>
    </message>
    <message>
        <source>Chapter 11: learning-rate scheduling</source>
        <translation>第 11 章：学习率调度</translation>
    </message>
    <message>
        <source>The same MLP trained with a constant learning rate and three schedules that lower it as training goes on: dividing by ten every 20 epochs, stepping down after epochs 5 and 15, and following half a cosine. From a modest rate of 0.01 and in 25 epochs, lowering the rate mostly slows learning: watch the constant rate end with the lowest loss and the exponential schedule, which lowers it soonest, end highest. Raise the starting rate to see where a schedule pays off.</source>
        <translation>同一个多层感知机分别用固定学习率和三种随训练降低学习率的方式训练：每 20 轮除以十（指数衰减学习率）、在第 5 轮和第 15 轮后分段降低、沿半个余弦下降。初始学习率只有 0.01、训练 25 轮时，降低学习率主要是拖慢学习：注意固定学习率最终损失最低，而最早降低学习率的指数衰减最终损失最高。调高初始学习率，看看学习率衰减在什么情况下才有好处。</translation>
    </message>
    <message>
        <source>epoch 500: accuracy 0.9667, validation accuracy 1.0000</source>
        <translation>第 500 轮：准确率 0.9667，验证集准确率 1.0000</translation>
    </message>
    <message>
        <source>epoch 100: loss 0.2572, accuracy 1.0000</source>
        <translation>第 100 轮：损失 0.2572，准确率 1.0000</translation>
    </message>
    <message>
        <source>epoch 100: loss 0.1948, accuracy 1.0000</source>
        <translation>第 100 轮：损失 0.1948，准确率 1.0000</translation>
    </message>
    <message>
        <source>Stock price with an LSTM</source>
        <translation>用 LSTM 预测股价</translation>
    </message>
    <message>
        <source>Stock price with a GRU</source>
        <translation>用 GRU 预测股价</translation>
    </message>
    <message>
        <source>Stock price with a SimpleRNN</source>
        <translation>用 SimpleRNN 预测股价</translation>
    </message>
    <message>
        <source>Lecture 6: LSTM stock prediction</source>
        <translation>第六讲：LSTM 实现股票预测</translation>
    </message>
    <message>
        <source>Lecture 6: GRU stock prediction</source>
        <translation>第六讲：GRU 实现股票预测</translation>
    </message>
    <message>
        <source>Lecture 6: RNN stock prediction</source>
        <translation>第六讲：RNN 实现股票预测</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD（SGDM）</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>固定学习率</translation>
    </message>
    <message>
        <source>Exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>Piecewise constant</source>
        <translation>分段常数</translation>
    </message>
    <message>
        <source>Cosine decay</source>
        <translation>余弦衰减</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <source>Hand-written digits 8×8</source>
        <translation>手写数字 8×8</translation>
    </message>
    <message>
        <source>8×8 grey hand-written digits (values scaled to [0, 1]).</source>
        <translation>8×8 灰度手写数字（数值缩放到 [0, 1]）。</translation>
    </message>
    <message>
        <source>Wine cultivars</source>
        <translation>葡萄酒品种</translation>
    </message>
    <message>
        <source>Breast cancer diagnosis</source>
        <translation>乳腺癌诊断</translation>
    </message>
    <message>
        <source>Diabetes progression</source>
        <translation>糖尿病病情进展</translation>
    </message>
    <message>
        <source>Spirals (2-D)</source>
        <translation>螺旋（二维）</translation>
    </message>
    <message>
        <source>Interleaved 2-D spiral arms, one per class, for decision-boundary plots.</source>
        <translation>交错的二维螺旋臂，每类一条，用于画决策边界。</translation>
    </message>
    <message>
        <source>Moons (2-D)</source>
        <translation>双月（二维）</translation>
    </message>
    <message>
        <source>Circles (2-D)</source>
        <translation>同心圆（二维）</translation>
    </message>
    <message>
        <source>Coloured shapes 32×32×3</source>
        <translation>彩色图形 32×32×3</translation>
    </message>
    <message>
        <source>Price-like series, 60-step windows</source>
        <translation>类股价序列，60 步窗口</translation>
    </message>
    <message>
        <source>The course&apos;s stock example on a generated series.</source>
        <translation>课程中的股票预测例子，用生成的序列代替真实股价。</translation>
    </message>
    <message>
        <source>Next letter (abcde)</source>
        <translation>预测下一个字母（abcde）</translation>
    </message>
    <message>
        <source>The course&apos;s next-letter task (seed002 §1.14–1.15).</source>
        <translation>课程中的字母预测任务：输入字母，预测下一个字母。</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>MNIST 手写数字</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST 服饰图片</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>CIFAR-100</source>
        <translation>CIFAR-100</translation>
    </message>
    <message>
        <source>IMDB reviews</source>
        <translation>IMDB 影评</translation>
    </message>
    <message>
        <source>Reuters newswires</source>
        <translation>路透社新闻</translation>
    </message>
    <message>
        <source>Boston housing</source>
        <translation>波士顿房价</translation>
    </message>
    <message>
        <source>California housing</source>
        <translation>加州房价</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>Load a table with a header row.</source>
        <translation>读取一个带表头行的表格。</translation>
    </message>
    <message>
        <source>NumPy arrays (.npz/.npy)</source>
        <translation>NumPy 数组（.npz/.npy）</translation>
    </message>
    <message>
        <source>Load an ``.npz`` archive or ``.npy`` arrays.</source>
        <translation>读取一个 ``.npz`` 压缩包或若干 ``.npy`` 数组。</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)</source>
        <translation>图片文件夹（每类一个子文件夹）</translation>
    </message>
    <message>
        <source>Images in one sub-folder per class, read with Keras&apos;s ``image_dataset_from_directory`` and turned into uint8 numpy arrays.</source>
        <translation>每类图片放在一个子文件夹中，用 Keras 的 ``image_dataset_from_directory`` 读取并转成 uint8 numpy 数组。</translation>
    </message>
</context>
</TS>
