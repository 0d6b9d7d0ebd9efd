/* Draws the case's process with bpmn-js (navigated viewer) and marks where the case stands and what it passed.
   The BPMN XML is fetched apart (the same model for every case, kept by the browser); the definition and the step
   ids come from data attributes. No inline script. */
(function () {
    function draw() {
        var container = document.getElementById('diagram');
        if (!container || typeof BpmnJS === 'undefined') {
            return;
        }
        var source = container.getAttribute('data-source') + '?definition='
            + encodeURIComponent(container.getAttribute('data-definition') || '');
        var viewer = new BpmnJS({container: container});
        var ids = function (name) {
            var value = container.getAttribute(name) || '';
            return value.split(',').filter(function (id) { return id.length > 0; });
        };
        fetch(source, {credentials: 'same-origin'}).then(function (response) {
            return response.ok ? response.text() : Promise.reject(new Error(String(response.status)));
        }).then(function (xml) {
            return viewer.importXML(xml);
        }).then(function () {
            var canvas = viewer.get('canvas');
            canvas.zoom('fit-viewport', 'auto');
            var registry = viewer.get('elementRegistry');
            ids('data-passed').forEach(function (id) {
                if (registry.get(id)) { canvas.addMarker(id, 'bpmn-passed'); }
            });
            ids('data-active').forEach(function (id) {
                if (registry.get(id)) { canvas.addMarker(id, 'bpmn-active'); }
            });
            container.setAttribute('data-rendered', 'true');
        }).catch(function () {
            container.setAttribute('data-rendered', 'error');
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
