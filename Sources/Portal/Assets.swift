/// The files the site serves itself (no CDN, no external font): its style sheet and its one script, which adds
/// drag and drop to the upload form; everything works without it.
enum Assets {
    static let css = """
        :root { --ink: #1d2330; --muted: #5a6272; --line: #d5d9e0; --accent: #0b5cad; --bad: #a4161a; --good: #1b7f3b; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
        header.site { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .6rem 1.2rem; background: #0b2e59; color: #fff; }
        header.site a { color: #fff; }
        header.site .brand { font-weight: 700; text-decoration: none; margin-right: 1rem; }
        header.site nav a { margin-right: .8rem; }
        header.site .tools { margin-left: auto; display: flex; gap: .8rem; align-items: center; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        table { border-collapse: collapse; width: 100%; margin: .8rem 0; }
        th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f1f3f6; }
        form.inline { display: inline; }
        form.stack label { display: block; margin: .5rem 0 .2rem; font-weight: 600; }
        form.stack input, form.stack select { width: 100%; max-width: 28rem; padding: .4rem; font: inherit; }
        form.stack fieldset.choices label { font-weight: 400; }
        form.stack fieldset.choices input { width: auto; margin-right: .4rem; }
        form.stack textarea { width: 100%; max-width: 40rem; min-height: 4rem; font: inherit; }
        td code { white-space: nowrap; }
        button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
        header.site button { background: transparent; border-color: #fff; }
        .notice { padding: .6rem .9rem; border-left: 4px solid var(--accent); background: #eef4fb; }
        .error { padding: .6rem .9rem; border-left: 4px solid var(--bad); background: #fbeeee; }
        .ok { color: var(--good); font-weight: 600; }
        .missing { color: var(--bad); font-weight: 600; }
        tr.gap td { background: #fdecea; }
        .drop { border: 2px dashed var(--line); border-radius: 6px; padding: 1rem; margin: .5rem 0; }
        .drop.over { border-color: var(--accent); background: #eef4fb; }
        code.token { word-break: break-all; background: #f1f3f6; padding: .2rem .4rem; }
        .report-frame { border-top: 2px solid var(--line); margin-top: 1.5rem; padding-top: .5rem; }
        a { color: var(--accent); }
        form.inline-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        table.heatmap td { text-align: right; }
        .heat-1 { background: #fbeeee; } .heat-2 { background: #fdf3e1; } .heat-3 { background: #fbfbe3; }
        .heat-4 { background: #eaf6ea; } .heat-5 { background: #d9f0d9; }
        .unread { display: inline-block; min-width: 1.4em; padding: 0 .3em; border-radius: .7em; background: #fff; color: #0b2e59; text-align: center; font-weight: 700; }
        """

    /// Drag and drop onto the upload form's drop zone: the dropped file goes into the file input, and the form is
    /// sent as it would be by its button. A button with `data-copy` copies the text of the element it names (the
    /// submission pack's penjelasan) to the clipboard. A link with `data-reload-after` (the queue page's) is followed after that
    /// many seconds.
    static let js = """
        document.addEventListener('DOMContentLoaded', function () {
          document.querySelectorAll('a[data-reload-after]').forEach(function (link) {
            var seconds = Number(link.getAttribute('data-reload-after')) || 2;
            setTimeout(function () { location.assign(link.href); }, seconds * 1000);
          });
          document.querySelectorAll('button[data-copy]').forEach(function (button) {
            button.addEventListener('click', function () {
              var source = document.getElementById(button.getAttribute('data-copy'));
              if (!source || !navigator.clipboard) { return; }
              navigator.clipboard.writeText(source.textContent).then(function () {
                button.textContent = button.getAttribute('data-copied') || button.textContent;
              });
            });
          });
          document.querySelectorAll('.drop').forEach(function (zone) {
            var input = zone.querySelector('input[type=file]');
            if (!input) { return; }
            ['dragenter', 'dragover'].forEach(function (name) {
              zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('over'); });
            });
            ['dragleave', 'drop'].forEach(function (name) {
              zone.addEventListener(name, function () { zone.classList.remove('over'); });
            });
            zone.addEventListener('drop', function (event) {
              event.preventDefault();
              if (event.dataTransfer && event.dataTransfer.files.length === 1) {
                input.files = event.dataTransfer.files;
                zone.closest('form').requestSubmit();
              }
            });
          });
        });
        """
}
